// The raw path's named statements: each server connection parses and plans a text once, the same text
// always has the same name, a statement a migration changed under it still answers, and with the option
// off nothing is prepared. PgBouncer in transaction mode is in pgbouncer.test.ts.
import { describe, expect, it, vi } from "vitest";

import { createDb, queryRows } from "../src/client.ts";
import { statementName } from "../src/statements.ts";
import { testTargets, useMigratedDatabase } from "../src/testing/index.ts";

type TPrepared = { name: string; statement: string };
// The embedded server gives each connection's statements a session-wide name that ends in the connection's own.
const PREPARED_SQL = "SELECT name, statement FROM pg_prepared_statements";
const PREPARED = { prepared: true };

describe("statementName", () => {
  it("gives a text the same name every time, another text another, within PostgreSQL's 63 bytes", () => {
    const text = `SELECT $1::int AS n -- ${Math.random()}`;
    const name = statementName(text);
    expect(name).toMatch(/^cto_[A-Za-z0-9_-]{32}$/);
    expect(statementName(text)).toBe(name);
    expect(statementName(`${text} `)).not.toBe(name);
    expect(Buffer.byteLength(name!)).toBeLessThanOrEqual(63);
  });

  it("names no more than MAX_NAMED_STATEMENTS texts; those named before keep their names", async () => {
    vi.resetModules();
    const fresh = await import("../src/statements.ts");
    const first = fresh.statementName("SELECT 0");
    for (let index = 1; index < fresh.MAX_NAMED_STATEMENTS; index += 1) fresh.statementName(`SELECT ${index}`);
    expect(fresh.statementName(`SELECT ${fresh.MAX_NAMED_STATEMENTS}`)).toBeNull();
    expect(fresh.statementName("SELECT 0")).toBe(first);
  });
});

describe.each(testTargets())("named statements of queryRows on $name", (target) => {
  const handle = useMigratedDatabase(target);

  it("prepares a text asked to be once per connection and binds it after that, with the same rows", async () => {
    const db = createDb({ url: handle.database.url, maxConnections: 1, log: [] });
    try {
      const text = "SELECT n, n * 2 AS twice FROM generate_series(1, $1::int) AS n";
      const name = statementName(text)!;
      expect(await queryRows(db, text, [3], PREPARED)).toEqual([
        { n: 1, twice: 2 },
        { n: 2, twice: 4 },
        { n: 3, twice: 6 },
      ]);
      expect(await queryRows(db, text, [1], PREPARED)).toEqual([{ n: 1, twice: 2 }]);
      // Unasked, a statement is not named.
      await queryRows(db, "SELECT $1::int AS unnamed", [1]);
      const prepared = (await queryRows<TPrepared>(db, PREPARED_SQL)).filter(({ statement }) => statement === text);
      expect(prepared).toHaveLength(1);
      expect(prepared[0]!.name.endsWith(name)).toBe(true);
      expect(await queryRows<TPrepared>(db, PREPARED_SQL)).toHaveLength(1);
    } finally {
      await db.$disconnect();
    }
  });

  it("prepares nothing with preparedStatements off", async () => {
    const db = createDb({ url: handle.database.url, maxConnections: 1, log: [], preparedStatements: false });
    try {
      await queryRows(db, "SELECT $1::int AS n", [1], PREPARED);
      expect(await queryRows<TPrepared>(db, PREPARED_SQL)).toEqual([]);
    } finally {
      await db.$disconnect();
    }
  });

  it("answers a statement whose table a migration changed since it was prepared, and the ones after it", async () => {
    // DDL is the owner's; one connection, so the statement prepared is the one asked again.
    const owner = createDb({ url: handle.database.url, role: null, maxConnections: 1, log: [] });
    try {
      await owner.$executeRawUnsafe("CREATE TABLE statement_probe (a int)");
      await owner.$executeRawUnsafe("INSERT INTO statement_probe VALUES (1)");
      const text = "SELECT * FROM statement_probe";
      expect(await queryRows(owner, text, [], PREPARED)).toEqual([{ a: 1 }]);
      await owner.$executeRawUnsafe("ALTER TABLE statement_probe ADD COLUMN b text DEFAULT 'new'");
      expect(await queryRows(owner, text, [], PREPARED)).toEqual([{ a: 1, b: "new" }]);
      expect(await queryRows(owner, text, [], PREPARED)).toEqual([{ a: 1, b: "new" }]);
      // A failing statement fails as it would unnamed: the error is the caller's, the next one runs.
      await expect(queryRows(owner, "SELECT 1 / $1::int AS n", [0], PREPARED)).rejects.toThrow(/division by zero/);
      expect(await queryRows(owner, "SELECT 1 / $1::int AS n", [1], PREPARED)).toEqual([{ n: 1 }]);
    } finally {
      await owner.$executeRawUnsafe("DROP TABLE IF EXISTS statement_probe").catch(() => undefined);
      await owner.$disconnect();
    }
  });
});

// The embedded server's guarantees, one by one: a connection holds the shared PGlite session from
// its first message until the backend is idle again; what a closed connection leaves is undone;
// settings, prepared statements and advisory locks belong to their connection.
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { servePGlite, type PGliteServer } from "../src/embedded/socket-server.ts";
import { int32 } from "../src/embedded/wire.ts";
import {
  bind,
  bindBinary,
  close,
  connectWire,
  describe as describeMessage,
  errorOf,
  execute,
  flush,
  parse,
  query,
  summary,
  sync,
} from "./fixtures/wire-client.ts";

const IDLE_TIMEOUT_MS = 2_000;

let db: PGlite;
let server: PGliteServer;
let url: string;
const logged: string[] = [];
const opened: pg.Client[] = [];

const client = async (config: pg.ClientConfig = {}) => {
  const connection = new pg.Client({ connectionString: url, ...config });
  connection.on("error", () => undefined);
  opened.push(connection);
  await connection.connect();
  return connection;
};
const one = async (connection: pg.Client, sql: string, values?: unknown[]) =>
  (await connection.query(sql, values)).rows[0];
const destroy = (connection: pg.Client) =>
  (connection as unknown as { connection: { stream: net.Socket } }).connection.stream.destroy();
/** Nothing is left behind: no connection, no holder, no queue, no advisory lock. */
const settled = () =>
  vi.waitFor(
    () =>
      expect(server.stats()).toEqual({
        connections: 0,
        holder: undefined,
        queued: 0,
        locks: { held: 0, waiting: 0 },
      }),
    { timeout: 15_000, interval: 50 },
  );

beforeAll(async () => {
  db = await PGlite.create("memory://");
  server = await servePGlite({
    db,
    host: "127.0.0.1",
    port: 0,
    maxConnections: 100,
    idleInTransactionTimeoutMs: IDLE_TIMEOUT_MS,
    log: (line) => logged.push(line),
  });
  url = `postgresql://postgres:postgres@127.0.0.1:${server.port}/postgres`;
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((connection) => connection.end().catch(() => undefined)));
  await settled();
});
afterAll(async () => {
  await server?.stop();
  await db?.close();
});

describe("one connection at a time, until the backend is idle", () => {
  it("keeps a batch cut by Flush whole: another's batch waits, never touching its unnamed statement", async () => {
    const a = await connectWire(server.port);
    const b = await connectWire(server.port);
    a.send(parse("", "SELECT $1::int + $2::int AS sum"), bind("", "", ["1", "2"]), flush());
    expect(summary(await a.read((entry) => entry.type === "2"))).toBe("1 2");
    b.send(parse("", "SELECT $1::text AS text"), bind("", "", ["b"]), execute(), sync());
    await sleep(200);
    expect(b.received).toEqual([]);
    a.send(describeMessage("P", ""), execute(), sync());
    expect(summary(await a.read())).toBe("T D(3) C Z(I)");
    expect(summary(await b.read())).toBe("1 2 D(b) C Z(I)");
    a.end();
    b.end();
  });

  it("keeps a transaction whole: the others wait for its COMMIT, then see what it committed", async () => {
    const a = await client();
    const b = await client();
    await a.query("CREATE TABLE tx_whole (n int)");
    await a.query("BEGIN");
    await a.query("INSERT INTO tx_whole VALUES (1)");
    const counted = one(b, "SELECT count(*)::int AS n FROM tx_whole");
    await sleep(200);
    expect(server.stats()).toMatchObject({ queued: 1 });
    await a.query("INSERT INTO tx_whole VALUES ($1)", [2]);
    await a.query("COMMIT");
    expect(await counted).toEqual({ n: 2 });
  });

  it("keeps a failed transaction to its connection until ROLLBACK", async () => {
    const a = await client();
    const b = await client();
    await a.query("BEGIN");
    await expect(a.query("SELECT 1 / 0")).rejects.toMatchObject({ code: "22012" });
    const waiting = one(b, "SELECT 'b' AS who");
    await expect(a.query("SELECT 1")).rejects.toMatchObject({ code: "25P02" });
    await a.query("ROLLBACK");
    expect(await waiting).toEqual({ who: "b" });
    expect(await one(a, "SELECT 'a' AS who")).toEqual({ who: "a" });
  });

  it("ends only the connection whose query made PGlite throw; the queue goes on", async () => {
    const original = db.execProtocolRawStream.bind(db);
    db.execProtocolRawStream = async (bytes, options) => {
      if (Buffer.from(bytes).includes("cto_fault_injection")) throw new Error("injected failure");
      return original(bytes, options);
    };
    try {
      const a = await client();
      const b = await client();
      await a.query("BEGIN");
      const waiting = one(b, "SELECT 2 AS two");
      await expect(a.query("SELECT 'cto_fault_injection'")).rejects.toMatchObject({ code: "XX000" });
      expect(await waiting).toEqual({ two: 2 });
      expect(logged.some((line) => line.includes("injected failure"))).toBe(true);
    } finally {
      db.execProtocolRawStream = original;
    }
  });
});

describe("a closed connection leaves nothing behind", () => {
  it("rolls back the transaction of a connection that drops, and hands the session on", async () => {
    const a = await client();
    const b = await client();
    await a.query("CREATE TABLE dropped_tx (n int)");
    await a.query("BEGIN");
    await a.query("INSERT INTO dropped_tx VALUES (1)");
    const counted = one(b, "SELECT count(*)::int AS n FROM dropped_tx");
    destroy(a);
    expect(await counted).toEqual({ n: 0 });
  });

  it("commits nothing of a batch cut off before its Sync, nor of one failed before it", async () => {
    const setup = await client();
    await setup.query("CREATE TABLE cut_batch (n int)");
    const cut = await connectWire(server.port);
    cut.send(parse("", "INSERT INTO cut_batch VALUES (1)"), bind("", ""), execute(), flush());
    expect(summary(await cut.read((entry) => entry.type === "C"))).toBe("1 2 C");
    cut.destroy();
    const failed = await connectWire(server.port);
    failed.send(query("BEGIN"));
    await failed.read();
    failed.send(
      parse("", "INSERT INTO cut_batch VALUES (2)"),
      bind("", ""),
      execute(),
      parse("", "SELECT 1 / 0"),
      bind("", ""),
      execute(),
      flush(),
    );
    expect(errorOf(await failed.read((entry) => entry.type === "E"))?.C).toBe("22012");
    failed.destroy();
    expect(await one(setup, "SELECT count(*)::int AS n FROM cut_batch")).toEqual({ n: 0 });
    expect(await one(setup, "SELECT 1 AS still_serving")).toEqual({ still_serving: 1 });
  });

  it("deallocates its prepared statements, leaves the queue, drops temporary tables", async () => {
    const a = await client();
    await a.query({ name: "mine", text: "SELECT 1 AS n" });
    await a.query("CREATE TEMP TABLE scratch_rows (n int)");
    const b = await client();
    expect(await one(b, "SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE '%\\_mine'")).toEqual({
      n: 1,
    });
    await a.query("BEGIN");
    const c = await client();
    const waiting = c.query("SELECT 1").catch((error: Error) => error);
    await vi.waitFor(() => expect(server.stats().queued).toBe(1));
    destroy(c);
    await vi.waitFor(() => expect(server.stats().queued).toBe(0));
    expect(await waiting).toBeInstanceOf(Error);
    await a.query("COMMIT");
    await a.end();
    await vi.waitFor(() => expect(server.stats().connections).toBe(1));
    expect(await one(b, "SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE '%\\_mine'")).toEqual({
      n: 0,
    });
    expect(await one(b, "SELECT to_regclass('pg_temp.scratch_rows') IS NULL AS gone")).toEqual({
      gone: true,
    });
  });
});

describe("each connection's own session state", () => {
  it("gives each connection its own prepared statements, whatever their names", async () => {
    const a = await client();
    const b = await client();
    const long = `statement_${"x".repeat(70)}`;
    expect(await one(a, "SELECT 'a' AS v", undefined)).toEqual({ v: "a" });
    expect((await a.query({ name: "same", text: "SELECT 'a' AS v" })).rows).toEqual([{ v: "a" }]);
    expect((await b.query({ name: "same", text: "SELECT 'b' AS v" })).rows).toEqual([{ v: "b" }]);
    expect((await a.query({ name: long, text: "SELECT 'a long' AS v" })).rows).toEqual([{ v: "a long" }]);
    expect((await b.query({ name: `${long}y`, text: "SELECT 'b long' AS v" })).rows).toEqual([{ v: "b long" }]);
    expect((await a.query({ name: "same", text: "SELECT 'a' AS v" })).rows).toEqual([{ v: "a" }]);
    expect((await a.query({ name: long, text: "SELECT 'a long' AS v" })).rows).toEqual([{ v: "a long" }]);

    const raw = await connectWire(server.port);
    raw.send(parse("dup", "SELECT 1"), parse("dup", "SELECT 2"), sync());
    const answer = await raw.read();
    expect(summary(answer)).toBe("1 E(42P05) Z(I)");
    expect(errorOf(answer)?.M).toBe('prepared statement "dup" already exists');
    raw.send(close("S", "dup"), parse("dup", "SELECT 2 AS two"), bind("", "dup"), execute(), sync());
    expect(summary(await raw.read())).toBe("3 1 2 D(2) C Z(I)");
    raw.end();
  });

  it("parses a connection's unnamed statement again after others' turns, never binds another's", async () => {
    const a = await connectWire(server.port);
    a.send(parse("", "SELECT $1::int * 10 AS v"), sync());
    expect(summary(await a.read())).toBe("1 Z(I)");
    const other = await client();
    await other.query("SELECT $1::text AS t", ["other"]);
    a.send(bind("", "", ["4"]), execute(), sync());
    expect(summary(await a.read())).toBe("2 D(40) C Z(I)");
    const fresh = await connectWire(server.port);
    await other.query("SELECT $1::text AS t", ["other again"]);
    fresh.send(bind("", "", ["4"]), execute(), sync());
    expect(summary(await fresh.read())).toBe("E(26000) Z(I)");
    a.end();
    fresh.end();
  });

  it("keeps settings with their connection: startup, SET, SET LOCAL, set_config, RESET, SET ROLE", async () => {
    const a = await client({ options: "-c TimeZone=Asia/Tokyo -c statement_timeout=5s" });
    const b = await client();
    expect(
      await one(a, "SELECT current_setting('TimeZone') AS tz, current_setting('statement_timeout') AS st"),
    ).toEqual({ tz: "Asia/Tokyo", st: "5s" });
    expect(
      await one(b, "SELECT current_setting('TimeZone') AS tz, current_setting('statement_timeout') AS st"),
    ).toEqual({ tz: "UTC", st: "0" });
    await b.query("SET TimeZone = 'America/New_York'");
    await b.query("BEGIN; SET LOCAL work_mem = '8MB'; COMMIT");
    await a.query("SELECT set_config('search_path', 'pg_catalog', false)");
    expect(await one(a, "SHOW TimeZone")).toEqual({ TimeZone: "Asia/Tokyo" });
    expect(
      await one(
        b,
        `SELECT current_setting('TimeZone') AS tz, current_setting('work_mem') AS wm,
                current_setting('search_path') AS sp`,
      ),
    ).toEqual({
      tz: "America/New_York",
      wm: "4MB",
      sp: "public",
    });
    expect(await one(a, "SHOW search_path")).toEqual({ search_path: "pg_catalog" });
    await b.query("RESET TimeZone");
    expect(await one(b, "SHOW TimeZone")).toEqual({ TimeZone: "UTC" });

    await b.query("CREATE ROLE cto_reader NOLOGIN");
    await b.query("SET ROLE cto_reader");
    expect(await one(a, "SELECT current_user AS who")).toEqual({ who: "postgres" });
    expect(await one(b, "SELECT current_user AS who")).toEqual({ who: "cto_reader" });
    await b.query("RESET ROLE");

    const bad = new pg.Client({ connectionString: url, options: "-c TimeZone=Nowhere/Atlantis" });
    await expect(bad.connect()).rejects.toMatchObject({ code: "22023" });
    const odd = new pg.Client({ connectionString: url, options: "-x" });
    await expect(odd.connect()).rejects.toMatchObject({ code: "08P01" });
  });

  it("reports a connection's parameters to it alone, and its own values at startup", async () => {
    const a = await connectWire(server.port, { params: { application_name: "alpha" } });
    const b = await connectWire(server.port);
    a.send(query("SELECT current_setting('application_name')"));
    expect(summary(await a.read())).toBe("T D(alpha) C Z(I)");
    b.send(query("SET application_name = 'beta'"));
    expect(summary(await b.read())).toBe("C S Z(I)");
    a.send(query("SELECT current_setting('application_name')"));
    expect(summary(await a.read())).toBe("T D(alpha) C Z(I)");
    expect(a.parameters).toMatchObject({ application_name: "alpha", is_superuser: "on", TimeZone: "UTC" });

    b.send(query("DO $$ BEGIN CREATE ROLE cto_reporter NOLOGIN; EXCEPTION WHEN duplicate_object THEN END $$"));
    await b.read();
    const reporter = await connectWire(server.port, {
      params: { options: "-c role=cto_reporter -c TimeZone=Asia/Tokyo" },
    });
    expect(reporter.parameters).toMatchObject({
      is_superuser: "off",
      TimeZone: "Asia/Tokyo",
      application_name: "",
    });
    reporter.send(query("SELECT current_user"));
    expect(summary(await reporter.read())).toBe("T D(cto_reporter) C Z(I)");
    a.end();
    b.end();
    reporter.end();
  });
});

describe("advisory locks, per connection", () => {
  it("grants a session lock to one connection until it unlocks or closes", async () => {
    const a = await client();
    const b = await client();
    expect(await one(a, "SELECT pg_advisory_lock(42)")).toEqual({ pg_advisory_lock: "" });
    expect(await one(a, "SELECT pg_try_advisory_lock(42) AS again")).toEqual({ again: true });
    expect(await one(b, "SELECT pg_try_advisory_lock($1) AS got", [42])).toEqual({ got: false });
    const unlockNotices: string[] = [];
    b.on("notice", (notice) => unlockNotices.push(notice.message ?? ""));
    expect(await one(b, "SELECT pg_advisory_unlock(42) AS released")).toEqual({ released: false });
    expect(unlockNotices).toEqual(["you don't own a lock of type ExclusiveLock"]);
    let granted = false;
    const waiting = b.query("SELECT pg_advisory_lock(42)").then(() => (granted = true));
    expect(await one(a, "SELECT pg_advisory_unlock(42) AS released")).toEqual({ released: true });
    await sleep(100);
    expect(granted).toBe(false);
    await a.end();
    await waiting;
    expect(await one(b, "SELECT pg_advisory_unlock_all()")).toEqual({ pg_advisory_unlock_all: "" });
  });

  it("shares shared locks, keeps the two-key space apart, takes text, binary and NULL keys", async () => {
    const a = await client();
    const b = await client();
    expect(await one(a, "SELECT pg_try_advisory_lock_shared(7) AS s")).toEqual({ s: true });
    expect(await one(b, "SELECT pg_try_advisory_lock_shared(7) AS s")).toEqual({ s: true });
    expect(await one(b, "SELECT pg_try_advisory_lock(7) AS x")).toEqual({ x: false });
    expect(await one(a, "SELECT pg_try_advisory_lock($1, $2) AS pair", [0, 7])).toEqual({ pair: true });
    expect(await one(b, "SELECT pg_try_advisory_lock(0, 7) AS pair")).toEqual({ pair: false });
    expect(await one(b, "SELECT pg_try_advisory_lock($1::bigint) AS n", [null])).toEqual({ n: null });
    const raw = await connectWire(server.port);
    const key = Buffer.alloc(8);
    key.writeBigInt64BE(-9_000_000_000_000_000_000n);
    raw.send(parse("", "SELECT pg_try_advisory_lock($1)"), bindBinary("", "", [key]), execute(), sync());
    expect(summary(await raw.read())).toBe("1 2 D(t) C Z(I)");
    expect(await one(a, "SELECT pg_try_advisory_lock(-9000000000000000000) AS taken")).toEqual({
      taken: false,
    });
    raw.send(parse("", "SELECT pg_try_advisory_lock($1)"), bind("", "", ["99999999999999999999"]), execute(), sync());
    expect(summary(await raw.read())).toBe("1 E(22003) Z(I)");
    raw.send(
      parse("named_lock", "SELECT pg_advisory_unlock_shared($1) AS u", [20]),
      describeMessage("S", "named_lock"),
      sync(),
    );
    expect(summary(await raw.read())).toBe("1 t T Z(I)");
    raw.end();
  });

  it("ends a wait at lock_timeout or a cancel request; refuses a contended lock in a transaction", async () => {
    const a = await client();
    const b = await client();
    await a.query("SELECT pg_advisory_lock(500)");
    await b.query("SET lock_timeout = '300ms'");
    await expect(b.query("SELECT pg_advisory_lock(500)")).rejects.toMatchObject({
      code: "55P03",
      message: "canceling statement due to lock timeout",
    });
    await b.query("RESET lock_timeout");

    const waiting = b.query("SELECT pg_advisory_lock(500)");
    await vi.waitFor(() => expect(server.stats().locks.waiting).toBe(1));
    const cancel = net.connect(server.port, "127.0.0.1");
    cancel.on("error", () => undefined);
    const { processID, secretKey } = b as unknown as { processID: number; secretKey: number };
    cancel.end(Buffer.concat([int32(16), int32(80_877_102), int32(processID), int32(secretKey)]));
    await expect(waiting).rejects.toMatchObject({ code: "57014" });

    await b.query("BEGIN");
    await b.query("SELECT pg_advisory_xact_lock(501)");
    await expect(b.query("SELECT pg_advisory_lock(500)")).rejects.toMatchObject({ code: "55P03" });
    await expect(b.query("SELECT 1")).rejects.toMatchObject({ code: "25P02" });
    await b.query("ROLLBACK");
    expect(await one(b, "SELECT pg_try_advisory_lock(502) AS free")).toEqual({ free: true });
  });

  it("refuses lock calls it cannot keep per connection, and statements reaching every connection", async () => {
    const a = await client();
    for (const sql of [
      "SELECT pg_advisory_lock(1), 2",
      "SELECT pg_try_advisory_lock(hashtext('x'))",
      "COPY pg_class FROM STDIN",
      "DISCARD ALL",
      "DEALLOCATE ALL",
      "LISTEN jobs",
    ]) {
      await expect(a.query(sql), sql).rejects.toMatchObject({ code: "0A000" });
    }
    await a.query("BEGIN");
    await expect(a.query("COPY pg_class FROM STDIN")).rejects.toMatchObject({ code: "0A000" });
    await expect(a.query("SELECT 1")).rejects.toMatchObject({ code: "25P02" });
    await a.query("ROLLBACK");
    expect(await one(a, "SELECT 'still here' AS status")).toEqual({ status: "still here" });
  });
});

describe("a connection idle in a transaction", () => {
  it("is terminated once others have waited the idle timeout, and its transaction rolled back", async () => {
    const a = await client();
    const b = await client();
    await a.query("CREATE TABLE idle_tx (n int)");
    await a.query("BEGIN");
    await a.query("INSERT INTO idle_tx VALUES (1)");
    const terminated = new Promise((resolve) => a.once("error", resolve));
    const started = Date.now();
    expect(await one(b, "SELECT count(*)::int AS n FROM idle_tx")).toEqual({ n: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(IDLE_TIMEOUT_MS - 100);
    expect(await terminated).toMatchObject({ code: "25P03" });
  });

  it("is left alone while nobody waits", async () => {
    const a = await client();
    await a.query("BEGIN");
    await sleep(IDLE_TIMEOUT_MS + 300);
    await a.query("COMMIT");
  });
});

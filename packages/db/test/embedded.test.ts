import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findRunningEmbeddedDatabase, startEmbeddedDatabase } from "../src/embedded/server.ts";
import { runPrisma } from "../src/testing/index.ts";

const query = async (url: string, sql: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
};

describe("embedded database", () => {
  let dataRoot: string;
  beforeAll(async () => {
    dataRoot = await mkdtemp(path.join(tmpdir(), "cto-embedded-"));
  });
  afterAll(async () => {
    await rm(dataRoot, { recursive: true, force: true });
  });

  it("refuses a dump to load into a data folder, which keeps its own files", async () => {
    const dataDir = path.join(dataRoot, "with-dump");
    await expect(startEmbeddedDatabase({ dataDir, port: 0, loadDataDir: new Blob([]) })).rejects.toThrow(
      /loadDataDir starts an in-memory database/,
    );
    expect(await findRunningEmbeddedDatabase(dataDir)).toBeUndefined();
  });

  it("serves PostgreSQL with pgvector over the wire protocol, to several clients at once", async () => {
    const database = await startEmbeddedDatabase({ dataDir: "memory://", port: 0, shadowPort: 0 });
    try {
      await query(database.url, "CREATE EXTENSION IF NOT EXISTS vector");
      const [row] = await query(
        database.url,
        "SELECT version() AS version, '[1,0]'::vector <=> '[0,1]'::vector AS distance",
      );
      expect(row.version).toMatch(/^PostgreSQL 1[5-9]/);
      expect(row.distance).toBe(1);
      const pool = new pg.Pool({ connectionString: database.url, max: 8 });
      const answers = await Promise.all(
        Array.from({ length: 24 }, (_, i) => pool.query("SELECT $1::int * 2 AS doubled", [i])),
      );
      expect(answers.map((answer) => answer.rows[0].doubled)).toEqual(Array.from({ length: 24 }, (_, i) => i * 2));
      await pool.end();
      expect(database.shadowDatabaseUrl).not.toBe(database.url);
    } finally {
      await database.stop();
    }
  });

  it("keeps its data in its folder across restarts, and refuses to open the folder twice", async () => {
    const dataDir = path.join(dataRoot, "pglite");
    const first = await startEmbeddedDatabase({ dataDir, port: 0, shadowPort: 0 });
    await query(first.url, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')");
    expect((await findRunningEmbeddedDatabase(dataDir))?.url).toBe(first.url);
    await expect(startEmbeddedDatabase({ dataDir, port: 0, shadowPort: 0 })).rejects.toThrow(
      /already served by process/,
    );
    await first.stop();
    expect(await findRunningEmbeddedDatabase(dataDir)).toBeUndefined();

    const second = await startEmbeddedDatabase({ dataDir, port: 0, shadowPort: 0 });
    try {
      expect(await query(second.url, "SELECT body FROM notes")).toEqual([{ body: "kept" }]);
    } finally {
      await second.stop();
    }
  });

  it("is what the offline Prisma CLI uses when DATABASE_URL is unset", async () => {
    const dataDir = path.join(dataRoot, "for-cli");
    const database = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pglite"), port: 0, shadowPort: 0 });
    try {
      const { DATABASE_URL: _unset, ...env } = process.env;
      const result = await runPrisma(["migrate", "deploy"], {
        databaseUrl: "",
        env: { ...env, DATABASE_URL: "", CTO_DATA_DIR: dataDir },
      });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain(`using the embedded database at ${database.url}`);
      const tables = await query(
        database.url,
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
      );
      expect(tables[0].n).toBeGreaterThanOrEqual(38);
    } finally {
      await database.stop();
    }
  });
});

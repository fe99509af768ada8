import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDb, type Db } from "../src/client.ts";
import { seedDemoData, DEMO_USER, fixtureEmbedding } from "../src/seed/index.ts";
import { isEmbeddedVersion, libpqConnection } from "../src/cli/backup/pg-tools.ts";
import { runCommand, testTargets, type TestDatabase } from "../src/testing/index.ts";
import { searchEmbeddings, searchKnowledgeChunks } from "../src/vector.ts";
import { query } from "./fixtures/prisma-project.ts";

const packageRoot = path.join(import.meta.dirname, "..");
/** The CLIs as `pnpm --filter @cto/db db:backup` / `db:restore` run them, as processes of their own. */
const cli = (script: "db-backup" | "db-restore", args: string[], env: NodeJS.ProcessEnv = {}) => {
  const { DATABASE_URL: _url, MIGRATE_DATABASE_URL: _migrate, ...inherited } = process.env;
  return runCommand(
    process.execPath,
    ["--import", "tsx", path.join(packageRoot, "src", "cli", `${script}.ts`), ...args],
    { env: { ...inherited, ...env }, timeoutMs: 120_000 },
  );
};

/**
 * Every table's row count, read independently of the CLI's own check: each table that stores rows, the
 * archive's month partitions included (their partitioned parents hold none of their own).
 */
const rowCounts = async (url: string) => {
  const tables = await query<{ name: string }>(
    url,
    `SELECT format('%I.%I', t.table_schema, t.table_name) AS name FROM information_schema.tables t
      WHERE t.table_type = 'BASE TABLE' AND t.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND NOT EXISTS (SELECT 1 FROM pg_partitioned_table p WHERE p.partrelid = format('%I.%I', t.table_schema, t.table_name)::regclass)
      ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables)
    counts[name] = (await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM ${name}`))[0]!.n;
  return counts;
};

const postgres = testTargets().find((target) => target.name === "postgres");

describe.skipIf(!postgres)("backup and restore drill on postgres", () => {
  let source: TestDatabase;
  let db: Db;
  let dir: string;
  let restoredUrl: string;
  const restoredName = `cto_restore_${process.pid}_${Date.now().toString(36)}`;
  // A search of each path: the helper over the demo user's memory (an exact scan at this size), the same
  // query forced through the HNSW index (the exact-scan limit passed as 0), and the knowledge base's top 10.
  const searches = async (client: Db) => {
    const demo = await client.user.findUniqueOrThrow({ where: { email: DEMO_USER.email } });
    const vector = fixtureEmbedding("focus on the weekly goal and energy");
    const exact = await searchEmbeddings(client, { userId: demo.id, vector, k: 10 });
    const indexed = await client.$queryRaw<{ id: string }[]>`
      SELECT id FROM cto_search_embeddings(${demo.id}::uuid, ${`[${vector.join(",")}]`}::vector, 10, NULL, NULL, NULL, NULL, 100, 0)`;
    const knowledge = await searchKnowledgeChunks(client, { vector, k: 10 });
    return {
      exact: exact.map((match) => match.id),
      indexed: indexed.map((match) => match.id),
      knowledge: knowledge.map((match) => match.id),
    };
  };

  beforeAll(async () => {
    source = await postgres!.createMigrated();
    db = createDb({ url: source.url });
    dir = await mkdtemp(path.join(os.tmpdir(), "cto-backup-test-"));
    restoredUrl = Object.assign(new URL(source.url), { pathname: `/${restoredName}` }).toString();
    await seedDemoData(db);
    // The seed embeds only a few of the demo user's rows; 40 more (vectors computed in SQL, each a different
    // mix of sines) make the top 10 a choice among many.
    await query(
      source.url,
      `INSERT INTO embeddings (user_id, owner_kind, owner_id, chunk_index, content, content_hash, model, dimension, embedding, updated_at)
       SELECT u.id, 'GOAL', gen_random_uuid(), 0, 'drill ' || i, md5(i::text) || md5('x' || i), 'drill-model', 1536,
              (SELECT array_agg(sin(i * 0.37 + d * (0.01 + (i % 13) * 0.003)))::real[]::vector FROM generate_series(1, 1536) d), now()
         FROM users u, generate_series(1, 40) i WHERE u.email = $1`,
      [DEMO_USER.email],
    );
    // A year-old stretch of a conversation, moved into the history archive's month partitions.
    await query(
      source.url,
      `INSERT INTO messages (conversation_id, role, content, created_at)
       SELECT c.id, 'USER', 'an old message ' || i, now() - interval '400 days' + i * interval '2 days'
         FROM (SELECT conversations.id FROM conversations JOIN users ON users.id = conversations.user_id WHERE users.email = $1 LIMIT 1) c, generate_series(1, 30) i`,
      [DEMO_USER.email],
    );
    await query(source.url, "SELECT * FROM archive.move_messages(now() - interval '300 days', 1000)");
  }, 180_000);
  afterAll(async () => {
    await db?.$disconnect();
    await source?.drop();
    if (restoredUrl)
      await query(
        Object.assign(new URL(restoredUrl), { pathname: "/postgres" }).toString(),
        `DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`,
      ).catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("backs up, restores into a new database, and the restored one has every table's rows and the same top 10 of a vector search", async () => {
    const file = path.join(dir, "drill.dump");
    const backup = await cli("db-backup", ["--out", file], { DATABASE_URL: `${source.url}?schema=public` });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/backed up cto_test_\w+ \(\d+ tables, \d+ rows, migration \d{14}_\w+\)/);
    const manifest = JSON.parse(await readFile(`${file}.json`, "utf8")) as { rows: Record<string, number> };
    const before = await rowCounts(source.url);
    expect(manifest.rows).toEqual(before);
    expect(before["public.embeddings"]).toBeGreaterThan(40);
    expect(
      Object.entries(before)
        .filter(([table]) => table.startsWith("archive.messages_"))
        .reduce((sum, [, n]) => sum + n, 0),
    ).toBe(30);

    const restore = await cli("db-restore", [file, "--to", restoredUrl]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(`into ${restoredName} (created)`);
    expect(restore.stdout).toContain("every table's rows match the backup's manifest");

    const after = await rowCounts(restoredUrl);
    expect(after).toEqual(before);
    expect(Object.keys(after).length).toBeGreaterThanOrEqual(38);

    const restored = createDb({ url: restoredUrl });
    try {
      const [original, copy] = [await searches(db), await searches(restored)];
      expect(original.knowledge).toHaveLength(10);
      expect(original.exact).toHaveLength(10);
      expect(original.indexed).toEqual(original.exact);
      expect(copy).toEqual(original);
    } finally {
      await restored.$disconnect();
    }
    const indexes = await query<{ indexname: string }>(
      restoredUrl,
      `SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%USING hnsw%' ORDER BY 1`,
    );
    expect(indexes.map((row) => row.indexname)).toEqual([
      "embeddings_embedding_hnsw_idx",
      "knowledge_chunks_embedding_hnsw_idx",
    ]);
    // The app's role got its grants back: it reads, and still cannot rewrite the audit log.
    const grants = await query<{ reads: boolean; rewrites: boolean }>(
      restoredUrl,
      `SELECT has_table_privilege('cto_app', 'goals', 'SELECT') AS reads, has_table_privilege('cto_app', 'audit_logs', 'UPDATE') AS rewrites`,
    );
    expect(grants).toEqual([{ reads: true, rewrites: false }]);

    // A second restore into the now populated database is refused and changes nothing.
    const again = await cli("db-restore", [file, "--to", restoredUrl]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has \d+ tables .*Restore into a new or empty database/s);
    expect(await rowCounts(restoredUrl)).toEqual(before);
  }, 240_000);

  it("says what is wrong, with exit 1: no URL, no file, a file that is not a dump", async () => {
    const noUrl = await cli("db-backup", []);
    expect(noUrl.code).toBe(1);
    expect(noUrl.stderr).toContain("db:backup needs DATABASE_URL");

    const missing = await cli("db-restore", [path.join(dir, "nope.dump"), "--to", restoredUrl]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("No backup at");

    const garbage = path.join(dir, "garbage.dump");
    await writeFile(garbage, "not a dump");
    const other = `${restoredName}_garbage`;
    const bad = await cli("db-restore", [
      garbage,
      "--to",
      Object.assign(new URL(restoredUrl), { pathname: `/${other}` }).toString(),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("is not a dump pg_restore can read");
    // The database it created for the restore is gone again, so a retry starts clean.
    expect(
      await query(
        Object.assign(new URL(restoredUrl), { pathname: "/postgres" }).toString(),
        "SELECT 1 FROM pg_database WHERE datname = $1",
        [other],
      ),
    ).toEqual([]);
  }, 60_000);
});

describe("backup tools", () => {
  it("tell the embedded database (PGlite) by its version string, which pg_dump cannot read", () => {
    expect(
      isEmbeddedVersion("PostgreSQL 18.6 (PGlite 0.5.14) on wasm32-unknown-emscripten, compiled by emcc 6.0.5, 32-bit"),
    ).toBe(true);
    expect(
      isEmbeddedVersion(
        "PostgreSQL 15.20 (Debian 15.20-0+deb12u1) on x86_64-pc-linux-gnu, compiled by gcc 12.2.0, 64-bit",
      ),
    ).toBe(false);
  });

  it("hand pg_dump a URL without the password (it goes in PGPASSWORD) or parameters libpq refuses", () => {
    expect(
      libpqConnection(
        "postgresql://cto:s%40cret@db.internal:5432/cto?schema=public&sslmode=require&connection_limit=5",
      ),
    ).toEqual({
      dbname: "postgresql://cto@db.internal:5432/cto?sslmode=require",
      env: { PGPASSWORD: "s@cret" },
    });
  });
});

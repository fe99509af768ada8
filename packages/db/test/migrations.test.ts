import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runPrisma, testTargets, type CommandResult, type TestDatabase } from "../src/testing/index.ts";
import {
  createPrismaProject,
  HNSW_INDEXES,
  INIT_MIGRATION,
  migrationObjects,
  query,
  REPO_MIGRATIONS,
  REPO_SCHEMA,
  type PrismaProject,
} from "./fixtures/prisma-project.ts";

const output = ({ stdout, stderr }: CommandResult) => `${stdout}\n${stderr}`;

/** The migration's SQL statements, without comments and with runs of spaces collapsed. */
const statementsOf = (sql: string) =>
  sql
    .split("\n")
    .filter((line) => !line.trim().startsWith("--"))
    .join("\n")
    .split(";")
    .map((statement) => statement.replace(/\s+/g, " ").trim())
    .filter(Boolean);

const hnswIndexes = (url: string) =>
  query<{ indexname: string; indexdef: string }>(
    url,
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname = ANY($1) ORDER BY indexname`,
    [HNSW_INDEXES],
  );

const userTables = async (url: string) =>
  (
    await query<{ relname: string }>(
      url,
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY c.relname`,
    )
  )
    .map((row) => row.relname)
    .sort();

const appliedMigrations = async (url: string) =>
  (
    await query<{ migration_name: string; finished: boolean }>(
      url,
      `SELECT migration_name, finished_at IS NOT NULL AND rolled_back_at IS NULL AS finished FROM _prisma_migrations`,
    )
  ).sort((a, b) => (a.migration_name < b.migration_name ? -1 : 1));

describe.each(testTargets())("migrations on $name", (target) => {
  let project: PrismaProject;
  let database: TestDatabase;
  const extra: TestDatabase[] = [];
  const prisma = (args: string[], db: TestDatabase = database) =>
    runPrisma([...args, "--config", project.configPath], {
      databaseUrl: db.url,
      shadowDatabaseUrl: db.shadowDatabaseUrl,
      timeoutMs: 90_000,
    });

  beforeAll(async () => {
    project = await createPrismaProject();
    database = await target.createEmpty();
  });
  afterAll(async () => {
    await Promise.allSettled([database?.drop(), ...extra.map((db) => db.drop())]);
    await project?.remove();
  });

  it("migrate deploy applies the init migration to an empty database, with pgvector, HNSW indexes, CHECKs and triggers", async () => {
    expect(await userTables(database.url)).toEqual([]);

    const deploy = await prisma(["migrate", "deploy"]);
    expect(deploy.code, output(deploy)).toBe(0);
    expect(deploy.stdout).toContain(INIT_MIGRATION);
    expect(deploy.stdout).toContain("All migrations have been successfully applied");

    const status = await prisma(["migrate", "status"]);
    expect(status.code, output(status)).toBe(0);
    expect(status.stdout).toContain("Database schema is up to date");

    const expected = await migrationObjects(project.migrationsDir);
    expect(expected.migrations[0]).toBe(INIT_MIGRATION);
    expect(await appliedMigrations(database.url)).toEqual(
      expected.migrations.map((migration_name) => ({ migration_name, finished: true })),
    );

    expect(await query(database.url, `SELECT extname FROM pg_extension WHERE extname = 'vector'`)).toEqual([
      { extname: "vector" },
    ]);

    const indexes = await hnswIndexes(database.url);
    expect(indexes.map((index) => index.indexname)).toEqual(HNSW_INDEXES);
    for (const { indexdef } of indexes) {
      expect(indexdef).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
      expect(indexdef).toMatch(/WHERE \(embedding IS NOT NULL\)/);
    }

    expect(expected.checks.length).toBeGreaterThan(30);
    const checks = await query<{ conname: string }>(
      database.url,
      `SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' AND c.contype = 'c' ORDER BY conname`,
    );
    expect(checks.map((row) => row.conname).sort()).toEqual(expected.checks);

    const triggers = await query<{ tgname: string; table: string }>(
      database.url,
      `SELECT t.tgname, c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal ORDER BY t.tgname`,
    );
    expect(triggers.map((row) => row.tgname).sort()).toEqual(expected.triggers);
    expect(triggers).toContainEqual({ tgname: "audit_logs_append_only", table: "audit_logs" });
    expect(triggers).toContainEqual({ tgname: "audit_logs_no_truncate", table: "audit_logs" });

    expect(await userTables(database.url)).toEqual(expected.tables);
  });

  it("migrate diff from the migrations to the schema, and from the migrated database, is empty", async () => {
    const fromMigrations = await prisma([
      "migrate",
      "diff",
      "--from-migrations",
      REPO_MIGRATIONS,
      "--to-schema",
      REPO_SCHEMA,
      "--script",
      "--exit-code",
    ]);
    expect(fromMigrations.code, output(fromMigrations)).toBe(0);
    expect(fromMigrations.stdout).toContain("-- This is an empty migration.");
    expect(fromMigrations.stdout).not.toMatch(/\b(CREATE|DROP|ALTER)\b/);

    const fromDatabase = await prisma([
      "migrate",
      "diff",
      "--from-config-datasource",
      "--to-schema",
      REPO_SCHEMA,
      "--script",
      "--exit-code",
    ]);
    expect(fromDatabase.code, output(fromDatabase)).toBe(0);
    expect(fromDatabase.stdout).toContain("-- This is an empty migration.");
    expect(fromDatabase.stdout).not.toMatch(/\b(CREATE|DROP|ALTER)\b/);

    // The same diff against an empty schema is not empty: --exit-code answers 2 and the script drops tables.
    const toEmpty = await prisma([
      "migrate",
      "diff",
      "--from-config-datasource",
      "--to-empty",
      "--script",
      "--exit-code",
    ]);
    expect(toEmpty.code, output(toEmpty)).toBe(2);
    expect(toEmpty.stdout).toMatch(/DROP TABLE "public"\."users"/);
  });

  it("migrate dev after one schema change creates a migration with only that change and keeps the HNSW indexes", async () => {
    const assistant = path.join(project.schemaDir, "assistant.prisma");
    const before = await readFile(assistant, "utf8");
    const changed = before.replace(/^model Person \{\n/m, "model Person {\n  nickname String?\n");
    expect(changed).not.toBe(before);
    await writeFile(assistant, changed);
    const migrationsBefore = await project.migrationNames();

    const dev = await prisma(["migrate", "dev", "--name", "add_field"]);
    expect(dev.code, output(dev)).toBe(0);
    expect(dev.stdout).toContain("Your database is now in sync with your schema");

    const created = (await project.migrationNames()).filter((name) => !migrationsBefore.includes(name));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatch(/^\d{14}_add_field$/);
    const sql = await readFile(path.join(project.migrationsDir, created[0]!, "migration.sql"), "utf8");
    expect(statementsOf(sql)).toEqual(['ALTER TABLE "persons" ADD COLUMN "nickname" TEXT']);
    expect(sql).not.toMatch(/DROP INDEX/i);
    expect(sql).not.toMatch(/CREATE EXTENSION/i);
    expect(sql).not.toMatch(/hnsw/i);

    expect((await hnswIndexes(database.url)).map((index) => index.indexname)).toEqual(HNSW_INDEXES);
    expect(
      await query(
        database.url,
        `SELECT data_type, is_nullable FROM information_schema.columns WHERE table_name = 'persons' AND column_name = 'nickname'`,
      ),
    ).toEqual([{ data_type: "text", is_nullable: "YES" }]);

    const again = await prisma(["migrate", "dev", "--name", "add_field_again"]);
    expect(again.code, output(again)).toBe(0);
    expect(again.stdout).toContain("Already in sync");
    expect(await project.migrationNames()).toEqual([...migrationsBefore, created[0]].sort());
    expect((await hnswIndexes(database.url)).map((index) => index.indexname)).toEqual(HNSW_INDEXES);
  });

  it("migrate reset --force leaves a migrated, empty database", async () => {
    await query(
      database.url,
      `INSERT INTO knowledge_chunks (chunk_id, version, source, text_content, embedding_text, updated_at) VALUES ('reset-probe', '1', 'test', 't', 'e', now())`,
    );
    expect(await query(database.url, `SELECT count(*)::int AS n FROM knowledge_chunks`)).toEqual([{ n: 1 }]);

    const reset = await prisma(["migrate", "reset", "--force"]);
    expect(reset.code, output(reset)).toBe(0);
    expect(reset.stdout).toContain("Database reset successful");

    expect(await query(database.url, `SELECT count(*)::int AS n FROM knowledge_chunks`)).toEqual([{ n: 0 }]);
    const migrations = await project.migrationNames();
    expect(migrations.filter((name) => name.endsWith("_add_field"))).toHaveLength(1);
    expect(await appliedMigrations(database.url)).toEqual(
      migrations.map((migration_name) => ({ migration_name, finished: true })),
    );
    expect((await hnswIndexes(database.url)).map((index) => index.indexname)).toEqual(HNSW_INDEXES);

    const status = await prisma(["migrate", "status"]);
    expect(status.code, output(status)).toBe(0);
    expect(status.stdout).toContain("Database schema is up to date");
  });

  it("db push creates the tables on an empty database (with pgvector installed)", async () => {
    const empty = await target.createEmpty();
    extra.push(empty);
    // The schema declares no `extensions`: the migration creates pgvector, so a pushed database needs it first.
    await query(empty.url, "CREATE EXTENSION IF NOT EXISTS vector");

    const push = await prisma(["db", "push"], empty);
    expect(push.code, output(push)).toBe(0);
    expect(push.stdout).toMatch(/Your database is now in sync with your Prisma schema/);

    const { tables } = await migrationObjects(project.migrationsDir);
    expect(await userTables(empty.url)).toEqual(tables);
    expect(
      await query(
        empty.url,
        `SELECT 1 FROM information_schema.columns WHERE table_name = 'persons' AND column_name = 'nickname'`,
      ),
    ).toHaveLength(1);
  });
});

// The app runs as cto_app, a role that owns nothing: it reads and writes rows and can do nothing else.
// In particular it cannot switch off, truncate, drop or rewrite the append-only audit log, which an
// app connected as the tables' owner could. Tried directly with the generated client, on both targets.
import { randomBytes, randomUUID } from "node:crypto";

import pg from "pg";
import { describe, expect, it } from "vitest";

import { APP_ROLE, checkAppRole, createDb, defaultRole } from "../src/client.ts";
import { DbError, toDbError, withDbErrors } from "../src/errors.ts";
import { ingestKnowledgeChunks, parseKnowledgeChunks } from "../src/knowledge/index.ts";
import { scopedIds } from "../src/seed/context.ts";
import { seedId, seedUserData, type SeedUser } from "../src/seed/index.ts";
import { createSecretBox } from "../src/secrets.ts";
import { testTargets, useMigratedDatabase } from "../src/testing/index.ts";
import { searchEmbeddings } from "../src/vector.ts";

const NOW = new Date("2026-03-15T10:00:00.000Z");
const secrets = createSecretBox(randomBytes(32));
const seedUser = (name: string): SeedUser => ({
  id: seedId(`app-role-user:${name}`),
  email: `${name}@app-role.cto.test`,
  name,
});

/** The raw database error `operation` fails with; fails the test when it succeeds. */
const refusal = async (operation: () => Promise<unknown>) => {
  const error = await operation().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error === undefined) throw new Error("expected the database to refuse the operation, but it succeeded");
  return { error, message: toDbError(error)?.message ?? String(error), typed: toDbError(error) };
};

describe("the default role", () => {
  it("is DATABASE_ROLE, APP_ROLE when unset, none when empty", () => {
    expect(defaultRole({})).toBe(APP_ROLE);
    expect(defaultRole({ DATABASE_ROLE: "cto_reader" })).toBe("cto_reader");
    expect(defaultRole({ DATABASE_ROLE: "" })).toBeNull();
    expect(defaultRole({ DATABASE_ROLE: "  " })).toBeNull();
  });

  it("refuses a role name that is not a plain identifier (it goes into the connection's options)", () => {
    for (const role of ["cto app", "cto_app -c search_path=evil", "x'; DROP TABLE users", "1abc", "a".repeat(64)])
      expect(() => createDb({ url: "postgresql://postgres@127.0.0.1:1/x", role }), role).toThrow(/plain role name/);
  });
});

describe.each(testTargets())("the app's role on $name", (target) => {
  const ctx = useMigratedDatabase(target);
  const user = seedUser("alice");
  const id = scopedIds(user);
  let seeded = false;
  const seed = async () => {
    if (seeded) return;
    await seedUserData(ctx.db, { user, friend: seedUser("bob"), now: NOW, secrets });
    seeded = true;
  };

  it("the client runs as cto_app, the owner as itself", async () => {
    const [app] = await ctx.db.$queryRaw<{ role: string }[]>`SELECT current_user AS role`;
    const [owner] = await ctx.owner.$queryRaw<
      { role: string; owns: string }[]
    >`SELECT current_user AS role, (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_logs') AS owns`;
    expect(app!.role).toBe(APP_ROLE);
    expect(owner!.role).not.toBe(APP_ROLE);
    expect(owner!.owns).toBe(owner!.role);
    // What the API and the worker check at start: the app's client passes, the owner's (asked for cto_app) not.
    expect(await checkAppRole(ctx.db, APP_ROLE)).toEqual({ ok: true, user: APP_ROLE });
    expect(await checkAppRole(ctx.owner, APP_ROLE)).toMatchObject({ ok: false, user: owner!.role });
    expect(await checkAppRole(ctx.owner, null)).toEqual({ ok: true, user: owner!.role });
  });

  it("does all the app's work: a dataset touching every model, search, knowledge, deleting a user", async () => {
    await seed();
    const vector = Array.from({ length: 1536 }, (_, i) => Math.sin(i));
    await expect(searchEmbeddings(ctx.db, { userId: user.id, vector, k: 5 })).resolves.toBeDefined();
    const chunks = parseKnowledgeChunks([
      {
        metadata: { chunk_id: "app_role_001", version: "1.0.0", source: "TEST" },
        languageVariants: { en: { text: "Say what you need." } },
        tags: { phase: ["1"], goal: ["focus"], type: ["response"] },
        embeddingStrings: ["Say what you need."],
      },
    ]);
    await expect(
      ingestKnowledgeChunks(ctx.db, chunks, {
        model: "test",
        embed: async (texts) => ({ vectors: texts.map(() => vector) }),
      }),
    ).resolves.toBeDefined();
    // An agent assumption's verification, the one change the audit trail allows.
    await withDbErrors(() =>
      ctx.db.agentAssumption.update({
        where: { id: id("assumption:owner") },
        data: { verified: true, verifiedAt: NOW, verifiedBy: "user" },
      }),
    );
    // Deleting a user takes their audit rows with them: the cascade runs as the table's owner.
    const doomed = seedUser("doomed");
    await seedUserData(ctx.db, { user: doomed, friend: seedUser("doomed-friend"), now: NOW, secrets });
    expect(await ctx.db.auditLog.count({ where: { userId: doomed.id } })).toBe(1);
    await withDbErrors(() => ctx.db.user.delete({ where: { id: doomed.id } }));
    expect(await ctx.owner.auditLog.count({ where: { userId: doomed.id } })).toBe(0);
  });

  it("cannot disable the audit log's triggers, truncate, drop or alter it", async () => {
    await seed();
    const rows = await ctx.owner.auditLog.count();
    for (const statement of [
      "ALTER TABLE audit_logs DISABLE TRIGGER audit_logs_append_only",
      "ALTER TABLE audit_logs DISABLE TRIGGER USER",
      "ALTER TABLE audit_logs DISABLE TRIGGER ALL",
      "DROP TRIGGER audit_logs_append_only ON audit_logs",
      "ALTER TABLE audit_logs DROP CONSTRAINT audit_logs_confidence_check",
      "DROP TABLE audit_logs CASCADE",
      "ALTER TABLE agent_assumptions DISABLE TRIGGER ALL",
      "ALTER TABLE audit_logs OWNER TO cto_app",
      "CREATE OR REPLACE FUNCTION audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN COALESCE(NEW, OLD); END $$",
    ]) {
      const { message } = await refusal(() => ctx.db.$executeRawUnsafe(statement));
      expect(message, statement).toMatch(/must be owner|permission denied/);
    }
    for (const statement of [
      "TRUNCATE audit_logs",
      "TRUNCATE audit_logs CASCADE",
      "TRUNCATE agent_assumptions",
      "TRUNCATE users CASCADE",
    ]) {
      const { message, typed } = await refusal(() => ctx.db.$executeRawUnsafe(statement));
      expect(message, statement).toMatch(/permission denied for table/);
      expect(typed?.code).toBe("append_only");
    }
    expect(await ctx.owner.auditLog.count()).toBe(rows);
    // Still in force: the owner's own attempt meets the trigger.
    const { message } = await refusal(() => ctx.owner.auditLog.updateMany({ data: { status: "tampered" } }));
    expect(message).toContain("audit_logs is append-only");
  });

  it("cannot rewrite or delete audit entries, nor an assumption beyond its verification", async () => {
    await seed();
    const auditId = id("audit:create-commitment");
    const before = await ctx.db.auditLog.findUniqueOrThrow({ where: { id: auditId } });
    for (const operation of [
      () => ctx.db.auditLog.update({ where: { id: auditId }, data: { outputSummary: "nothing happened" } }),
      () => ctx.db.auditLog.updateMany({ where: { userId: user.id }, data: { status: "tampered" } }),
      () => ctx.db.auditLog.delete({ where: { id: auditId } }),
      () => ctx.db.auditLog.deleteMany({ where: { userId: user.id } }),
      () => ctx.db.$executeRaw`UPDATE audit_logs SET status = 'tampered'`,
      () => ctx.db.agentAssumption.update({ where: { id: id("assumption:owner") }, data: { assumption: "Rewritten" } }),
      () => ctx.db.agentAssumption.delete({ where: { id: id("assumption:owner") } }),
    ]) {
      const { typed, message } = await refusal(operation);
      expect(typed).toBeInstanceOf(DbError);
      expect(typed?.code).toBe("append_only");
      expect(message).toMatch(/permission denied for table (audit_logs|agent_assumptions)/);
    }
    expect(await ctx.db.auditLog.findUniqueOrThrow({ where: { id: auditId } })).toEqual(before);
  });

  it("cannot create, alter or drop anything, nor touch the migration history", async () => {
    for (const statement of [
      "CREATE TABLE app_scratch (id int)",
      "CREATE FUNCTION app_scratch() RETURNS int LANGUAGE sql AS 'SELECT 1'",
      "ALTER TABLE users ADD COLUMN app_scratch int",
      "ALTER TABLE users DISABLE TRIGGER ALL",
      "DROP TABLE goals",
      "CREATE INDEX app_scratch ON users (name)",
      "DELETE FROM _prisma_migrations",
      "SELECT cto_grant_app_role()",
      "SELECT cto_ensure_role('app_scratch')",
      "CREATE ROLE app_scratch",
    ]) {
      const { message } = await refusal(() => ctx.db.$executeRawUnsafe(statement));
      expect(message, statement).toMatch(/must be owner|permission denied/);
    }
    await expect(ctx.db.$queryRawUnsafe("SELECT count(*) FROM _prisma_migrations")).resolves.toBeDefined();
    // A GRANT by a non-owner only warns ("no privileges were granted"), and grants nothing.
    await ctx.db.$executeRawUnsafe("GRANT ALL ON audit_logs TO cto_app");
    const privileges = await ctx.db.$queryRaw<{ update: boolean; delete: boolean; truncate: boolean }[]>`
      SELECT has_table_privilege('cto_app', 'audit_logs', 'UPDATE') AS update, has_table_privilege('cto_app', 'audit_logs', 'DELETE') AS delete,
             has_table_privilege('cto_app', 'audit_logs', 'TRUNCATE') AS truncate`;
    expect(privileges).toEqual([{ update: false, delete: false, truncate: false }]);
  });

  it("gets the same rights on a table a later migration creates", async () => {
    await ctx.owner.$executeRawUnsafe(
      "CREATE TABLE later_table (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), n serial)",
    );
    try {
      await ctx.db.$executeRawUnsafe("INSERT INTO later_table DEFAULT VALUES");
      await ctx.db.$executeRawUnsafe("UPDATE later_table SET n = n + 1");
      await expect(ctx.db.$queryRawUnsafe("SELECT n FROM later_table")).resolves.toEqual([{ n: 2 }]);
      await ctx.db.$executeRawUnsafe("DELETE FROM later_table");
      expect((await refusal(() => ctx.db.$executeRawUnsafe("TRUNCATE later_table"))).message).toMatch(
        /permission denied/,
      );
    } finally {
      await ctx.owner.$executeRawUnsafe("DROP TABLE later_table");
    }
  });

  it.runIf(target.name === "postgres")(
    "a login of its own in cto_app cannot leave the app's rights, even with SET ROLE NONE",
    async () => {
      const login = `cto_test_login_${randomBytes(4).toString("hex")}`;
      await ctx.owner.$executeRawUnsafe(`CREATE ROLE ${login} LOGIN IN ROLE ${APP_ROLE}`);
      const url = new URL(ctx.database.url);
      url.username = login;
      const client = new pg.Client({ connectionString: url.toString() });
      try {
        await client.connect();
        await client.query("SET ROLE NONE");
        expect((await client.query("SELECT current_user AS role")).rows[0].role).toBe(login);
        await expect(client.query("ALTER TABLE audit_logs DISABLE TRIGGER ALL")).rejects.toThrow(/must be owner/);
        await expect(client.query("TRUNCATE audit_logs CASCADE")).rejects.toThrow(/permission denied/);
        await expect(client.query("SELECT count(*) FROM users")).resolves.toBeDefined();
        const app = createDb({ url: url.toString(), log: [] });
        try {
          const [row] = await app.$queryRaw<{ role: string }[]>`SELECT current_user AS role`;
          expect(row!.role).toBe(APP_ROLE);
        } finally {
          await app.$disconnect();
        }
      } finally {
        await client.end().catch(() => undefined);
        await ctx.owner.$executeRawUnsafe(`DROP ROLE ${login}`);
      }
    },
  );

  it.runIf(target.name === "postgres")("creating a role is safe when several databases migrate at once", async () => {
    // Roles belong to the cluster: parallel test databases (and staging beside production) create cto_app
    // at the same moment. Each session holds its creation open for a moment, as a migration's transaction does.
    const role = `cto_test_role_${randomBytes(4).toString("hex")}`;
    const clients = Array.from({ length: 6 }, () => new pg.Client({ connectionString: ctx.database.url }));
    try {
      await Promise.all(clients.map((client) => client.connect()));
      const results = await Promise.all(
        clients.map(async (client) => {
          await client.query("BEGIN");
          const { rows } = await client.query<{ ok: boolean }>("SELECT cto_ensure_role($1) AS ok", [role]);
          await client.query("SELECT pg_sleep(0.3)");
          await client.query("COMMIT");
          return rows[0]!.ok;
        }),
      );
      expect(results).toEqual(Array(6).fill(true));
      const [{ n }] = (
        await clients[0]!.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_roles WHERE rolname = $1", [role])
      ).rows as [{ n: number }];
      expect(n).toBe(1);
    } finally {
      await clients[0]!.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
      await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    }
  });

  it("a missing role is a clear connection error, not a silent fallback to the owner's rights", async () => {
    const missing = createDb({ url: ctx.database.url, log: [], role: `cto_missing_${randomUUID().slice(0, 8)}` });
    try {
      await expect(missing.$queryRaw`SELECT 1`).rejects.toThrow(/role "cto_missing_[0-9a-f]{8}" does not exist/);
    } finally {
      await missing.$disconnect();
    }
  });
});

// The client through PgBouncer in transaction mode (tooling/scripts/ensure-pgbouncer.sh), as the app's own
// login: what works, and why (no named prepared statements, no session settings).
import { randomBytes, randomUUID } from "node:crypto";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { APP_ROLE, checkAppRole, createDb, queryRows, type Db } from "../src/client.ts";
import { createPostgresTestDatabase, type TestDatabase } from "../src/testing/index.ts";

const bouncerAdminUrl = process.env.TEST_PGBOUNCER_URL ?? "postgresql://postgres@127.0.0.1:6432/postgres";

/** The pool mode of the PgBouncer at `url`, from its admin console; the reason when none answers. */
const probeBouncer = async (url: string): Promise<{ mode: string } | { reason: string }> => {
  const admin = new URL(url);
  admin.pathname = "/pgbouncer";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    // The admin console speaks only the simple protocol.
    const { rows } = await client.query({ text: "SHOW CONFIG", queryMode: "simple" } as pg.QueryConfig);
    return { mode: String(rows.find((row) => row.key === "pool_mode")?.value) };
  } catch (error) {
    return {
      reason: `no PgBouncer at ${admin.host} (run tooling/scripts/ensure-pgbouncer.sh): ${(error as Error).message}`,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
};

const server = inject("ctoPostgres");
const probe = server ? await probeBouncer(bouncerAdminUrl) : { reason: "no PostgreSQL server for the tests" };
if ("reason" in probe) {
  if (process.env.CI) throw new Error(`CI runs the PgBouncer tests and cannot: ${probe.reason}`);
  console.warn(`\n[cto] PgBouncer tests are SKIPPED: ${probe.reason}\n`);
}

describe.runIf(!("reason" in probe))("through PgBouncer in transaction mode", () => {
  let database: TestDatabase;
  let owner: Db;
  let db: Db;
  let url: string;
  const login = `cto_test_bouncer_${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    expect(probe).toEqual({ mode: "transaction" });
    database = await createPostgresTestDatabase(server!.adminUrl, { template: server!.template });
    owner = createDb({ url: database.url, log: [], role: null });
    // Production's shape: the app connects as a login of its own in cto_app (PgBouncer cannot switch roles).
    await owner.$executeRawUnsafe(`CREATE ROLE ${login} LOGIN IN ROLE ${APP_ROLE}`);
    const through = new URL(bouncerAdminUrl);
    through.username = login;
    through.pathname = `/${database.name}`;
    url = through.toString();
    db = createDb({ url, log: [], role: null, maxConnections: 8 });
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await owner?.$executeRawUnsafe(`DROP ROLE IF EXISTS ${login}`).catch(() => undefined);
    await owner?.$disconnect();
    await database?.drop();
  }, 60_000);

  it("runs as the app's login with cto_app's rights, in UTC (PgBouncer's database setting), dropping startup options", async () => {
    const [session] = await db.$queryRaw<{ role: string; zone: string; members: boolean }[]>`
      SELECT current_user AS role, current_setting('TimeZone') AS zone, pg_has_role(current_user, 'cto_app', 'USAGE') AS members`;
    expect(session).toEqual({ role: login, zone: "UTC", members: true });
    const user = await db.user.create({ data: { email: `${randomUUID()}@example.com` } });
    await expect(
      db.goal.create({ data: { userId: user.id, title: "Through the pooler", period: "WEEKLY" } }),
    ).resolves.toMatchObject({ title: "Through the pooler" });
    await expect(db.$executeRawUnsafe("TRUNCATE audit_logs")).rejects.toThrow(/permission denied/);
    // `-c role=…` is dropped (ignore_startup_parameters): the login's own rights are what count.
    const withRole = createDb({ url, log: [], role: APP_ROLE });
    try {
      const [row] = await withRole.$queryRaw<{ role: string }[]>`SELECT current_user AS role`;
      expect(row!.role).toBe(login);
    } finally {
      await withRole.$disconnect();
    }
  });

  it("checkAppRole, which the API and the worker run at start: a login in cto_app passes; the superuser, whose `-c role` PgBouncer dropped, is refused", async () => {
    const member = createDb({ url, log: [], role: APP_ROLE });
    const superuser = new URL(url);
    superuser.username = "postgres";
    const dropped = createDb({ url: superuser.toString(), log: [], role: APP_ROLE });
    // The same superuser straight to the server: the startup option takes, the sessions are cto_app.
    const direct = createDb({ url: database.url, log: [], role: APP_ROLE });
    try {
      expect(await checkAppRole(member, APP_ROLE)).toEqual({ ok: true, user: login });
      expect(await checkAppRole(direct, APP_ROLE)).toEqual({ ok: true, user: APP_ROLE });
      const refused = await checkAppRole(dropped, APP_ROLE);
      expect(refused).toMatchObject({ ok: false, user: "postgres" });
      expect(!refused.ok && refused.reason).toMatch(/superuser: DATABASE_ROLE=cto_app did not take .*PgBouncer/);
      // An owner of the tables that is no superuser is refused as well.
      const ownerLogin = `${login}_owner`;
      await owner.$executeRawUnsafe(`CREATE ROLE ${ownerLogin} LOGIN IN ROLE ${APP_ROLE}`);
      await owner.$executeRawUnsafe(`ALTER TABLE goals OWNER TO ${ownerLogin}`);
      const asOwner = new URL(url);
      asOwner.username = ownerLogin;
      const owning = createDb({ url: asOwner.toString(), log: [], role: APP_ROLE });
      try {
        expect(await checkAppRole(owning, APP_ROLE)).toMatchObject({ ok: false, user: ownerLogin });
      } finally {
        await owning.$disconnect();
        await owner.$executeRawUnsafe(`ALTER TABLE goals OWNER TO CURRENT_USER`);
        await owner.$executeRawUnsafe(`DROP ROLE ${ownerLogin}`);
      }
    } finally {
      await Promise.all([member.$disconnect(), dropped.$disconnect(), direct.$disconnect()]);
    }
  });

  it("answers many parameterised queries of many shapes at once, from two clients, each with its own rows", async () => {
    const other = createDb({ url, log: [], role: null, maxConnections: 8 });
    try {
      const user = await db.user.create({ data: { email: `${randomUUID()}@example.com` } });
      const work = Array.from({ length: 120 }, async (_, index) => {
        const client = index % 2 ? db : other;
        switch (index % 4) {
          case 0: {
            const title = `goal ${index}`;
            const goal = await client.goal.create({
              data: { userId: user.id, title, period: "DAILY", progress: index % 100 },
            });
            expect(
              await client.goal.findUnique({ where: { id: goal.id }, select: { title: true, progress: true } }),
            ).toEqual({ title, progress: index % 100 });
            return;
          }
          case 1: {
            const [row] = await client.$queryRaw<
              { n: number; text: string; at: Date }[]
            >`SELECT ${index}::int AS n, ${`text ${index}`}::text AS text, ${new Date(index * 1_000)}::timestamptz AS at`;
            expect(row).toEqual({ n: index, text: `text ${index}`, at: new Date(index * 1_000) });
            return;
          }
          case 2: {
            const ids = [randomUUID(), randomUUID()];
            expect(await client.goal.count({ where: { id: { in: ids } } })).toBe(0);
            return;
          }
          default: {
            const rows = await client.$queryRawUnsafe<{ sum: number }[]>(
              "SELECT ($1::int + $2::int)::int AS sum",
              index,
              1,
            );
            expect(rows).toEqual([{ sum: index + 1 }]);
          }
        }
      });
      await Promise.all(work);
      // The adapter sends only unnamed statements, so no server connection keeps one for another client.
      const [prepared] = await db.$queryRaw<
        { count: number }[]
      >`SELECT count(*)::int AS count FROM pg_prepared_statements`;
      expect(prepared!.count).toBe(0);
    } finally {
      await other.$disconnect();
    }
  });

  it("keeps an interactive transaction on one server connection to its end, and a failed one leaves nothing", async () => {
    const user = await db.user.create({ data: { email: `${randomUUID()}@example.com` } });
    // Other work at the same time, for the transaction's server connection to be taken from under it if it could.
    const busy = Promise.all(Array.from({ length: 20 }, () => db.$executeRaw`SELECT pg_sleep(0.01)`));
    const pids = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(42)`;
      const [first] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      await tx.goal.create({ data: { userId: user.id, title: "In a transaction", period: "DAILY" } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const [second] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      return [first!.pid, second!.pid];
    });
    await busy;
    expect(pids[0]).toBe(pids[1]);
    await expect(
      db.$transaction(async (tx) => {
        await tx.goal.create({ data: { userId: user.id, title: "Rolled back", period: "DAILY" } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect((await db.goal.findMany({ where: { userId: user.id } })).map((goal) => goal.title)).toEqual([
      "In a transaction",
    ]);
  });

  it("answers queryRows' named statements though the pooler cannot follow them: the pool stops naming them", async () => {
    const raw = createDb({ url, log: [], role: null, maxConnections: 8 });
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      const texts = [
        "SELECT $1::int + 1 AS n",
        "SELECT $1::int * 2 AS n",
        "SELECT $1::int - 3 AS n, current_setting('TimeZone') AS zone",
      ];
      const expected = (index: number) => [index + 1, index * 2, index - 3][index % 3];
      // Rounds of statements on every connection of the pool, while another client's transactions take
      // server connections from under it: its named statements land where they were never prepared.
      for (let round = 0; round < 5; round += 1) {
        await holder.query("BEGIN");
        await holder.query("SELECT 1");
        const rows = await Promise.all(
          Array.from({ length: 24 }, (_, index) =>
            queryRows<{ n: number }>(raw, texts[index % 3]!, [index], { prepared: true }),
          ),
        );
        expect(rows.map(([row]) => row!.n)).toEqual(Array.from({ length: 24 }, (_, index) => expected(index)));
        await holder.query("COMMIT");
      }
    } finally {
      await holder.end();
      await raw.$disconnect();
    }
  });

  it("breaks named prepared statements (PgBouncer 1.18 cannot follow them), which is why the client sends none", async () => {
    const first = new pg.Client({ connectionString: url });
    const second = new pg.Client({ connectionString: url });
    await Promise.all([first.connect(), second.connect()]);
    try {
      const named = { name: "cto_named_statement", text: "SELECT $1::int AS n", values: [1] };
      expect((await first.query(named)).rows).toEqual([{ n: 1 }]);
      // The other client's transaction holds the server connection the statement was prepared on (the
      // pool hands out its most recently used one); the first client's next use lands on another.
      await second.query("BEGIN");
      await second.query("SELECT 1");
      await expect(first.query(named)).rejects.toThrow(/prepared statement "cto_named_statement" does not exist/);
      await second.query("COMMIT");
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });
});

// The API through PgBouncer in transaction mode (tooling/scripts/ensure-pgbouncer.sh, port 6432), set up as
// packages/db's README says ("Through PgBouncer"): the app connects as a login of its own in cto_app, since
// PgBouncer drops the `-c role=cto_app` startup option. And the API process refuses to start when the
// dropped option would leave it with a superuser's or the tables' owner's rights.
import { randomBytes } from "node:crypto";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { APP_ROLE, createDb, type Db } from "@cto/db/client";
import { testTargets } from "@cto/db/testing";
import { spawnLogged } from "@cto/vitest-config/processes";

import { createApp } from "../src/app.ts";
import { startApi, type Harness } from "./harness.ts";
import { signUp } from "./support/api.ts";

const BOUNCER = process.env.TEST_PGBOUNCER_URL ?? "postgresql://postgres@127.0.0.1:6432/postgres";
const postgres = testTargets().find((target) => target.name === "postgres");

/** Why the tests cannot run: no PostgreSQL, or no PgBouncer answering on its admin console. */
const missing = async () => {
  if (!postgres) return "no PostgreSQL server for the tests";
  const admin = new URL(BOUNCER);
  admin.pathname = "/pgbouncer";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return `no PgBouncer at ${admin.host} (run tooling/scripts/ensure-pgbouncer.sh): ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
};
const reason = await missing();
if (reason && process.env.CI) throw new Error(`CI runs the PgBouncer tests and cannot: ${reason}`);
if (reason) console.warn(`\n[cto] API through PgBouncer: SKIPPED: ${reason}\n`);

/** The PgBouncer URL of the harness's database, as `user`. */
const through = (harness: Harness, user: string) => {
  const url = new URL(BOUNCER);
  url.username = user;
  url.pathname = `/${harness.database.name}`;
  return url.toString();
};

describe.skipIf(Boolean(reason))("the API through PgBouncer in transaction mode", () => {
  let base: Harness;
  let api: Harness;
  let pooled: Db;
  let owner: Db;
  const login = `cto_test_api_${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    base = await startApi({}, {}, postgres!);
    owner = createDb({ url: base.database.url, log: [], role: null });
    await owner.$executeRawUnsafe(`CREATE ROLE ${login} LOGIN IN ROLE ${APP_ROLE}`);
    // DATABASE_ROLE left at its default: the option is sent, PgBouncer drops it, the login's rights count.
    pooled = createDb({ url: through(base, login), log: [], maxConnections: 8 });
    api = {
      ...base,
      db: pooled,
      app: createApp({ db: pooled, config: base.config, mailer: base.mailer, ai: base.ai }),
    };
  }, 120_000);
  afterAll(async () => {
    await pooled?.$disconnect();
    await owner?.$executeRawUnsafe(`DROP ROLE IF EXISTS ${login}`).catch(() => undefined);
    await owner?.$disconnect();
    await base?.close();
  });

  it("signs up, writes, lists, opens a conversation and exports with cto_app's rights, many requests at once", async () => {
    const users = await Promise.all([signUp(api, "bouncer"), signUp(api, "bouncer")]);
    const work = users.flatMap((user) =>
      Array.from({ length: 6 }, async (_, index) => {
        const goal = await user.request("POST", "/goals", { title: `Pooled ${index}`, period: "weekly" });
        expect(goal.status, JSON.stringify(goal.body)).toBe(201);
      }),
    );
    await Promise.all(work);
    for (const user of users) {
      const goals = await user.request("GET", "/goals");
      expect(goals.status).toBe(200);
      expect(JSON.stringify(goals.body).match(/Pooled \d/g)?.length).toBe(6);
      const conversation = await user.request("POST", "/conversations", {});
      expect(conversation.status, JSON.stringify(conversation.body)).toBe(201);
      const exported = await api.app.request("/me/export", { headers: { cookie: user.cookie } });
      expect(exported.status).toBe(200);
      expect(await exported.text()).toContain("Pooled 5");
    }
    // The sessions have cto_app's rights and no more: the audit log stays append-only.
    const [session] = await pooled.$queryRaw<{ user: string }[]>`SELECT current_user AS "user"`;
    expect(session!.user).toBe(login);
    await expect(pooled.$executeRawUnsafe("DELETE FROM audit_logs")).rejects.toThrow(/permission denied|42501/);
  });

  it("the API process exits at start when the dropped role option leaves it a superuser's rights", async () => {
    const server = await spawnLogged({
      name: "api through PgBouncer as postgres",
      cwd: path.resolve(import.meta.dirname, ".."),
      env: { DATABASE_URL: through(base, "postgres"), PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info" },
      ready: (line) => line.level === "fatal",
      startMs: 90_000,
    });
    expect(await server.exited).toBe(1);
    const fatal = server.lines.find((line) => line.level === "fatal");
    expect(String(fatal?.msg)).toMatch(/run as postgres, a superuser: DATABASE_ROLE=cto_app did not take/);
  }, 120_000);
});

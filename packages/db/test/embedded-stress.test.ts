// Many clients at once on the embedded database, for a bounded time: node-postgres connections and
// Prisma clients mixing extended-protocol queries, named statements, transactions, errors inside
// transactions, advisory-lock critical sections and abrupt disconnects. Every answer is checked
// (zero protocol errors, zero wrong rows) and so is the data afterwards.
import { createHash } from "node:crypto";
import type net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

import pg from "pg";
import { afterAll, beforeAll, expect, it, vi } from "vitest";

import { createDb } from "../src/client.ts";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../src/embedded/server.ts";

const DURATION_MS = 20_000;
const MAX_ROUNDS = 400;
const PG_WORKERS = 6;
const PRISMA_WORKERS = 2;
const ACCOUNTS = 20;
const OPENING_BALANCE = 1_000;
const ZONES = ["UTC", "Asia/Tokyo", "America/New_York", "Europe/Paris", "Australia/Adelaide", "Pacific/Chatham"];

let database: EmbeddedDatabase;
let admin: pg.Client;

beforeAll(async () => {
  database = await startEmbeddedDatabase({ dataDir: "memory://", port: 0, shadowPort: 0 });
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`
    CREATE TABLE stress_accounts (id int PRIMARY KEY, balance int NOT NULL CHECK (balance >= 0));
    INSERT INTO stress_accounts SELECT id, ${OPENING_BALANCE} FROM generate_series(1, ${ACCOUNTS}) AS id;
    CREATE TABLE stress_log (worker text, seq int, note text NOT NULL, PRIMARY KEY (worker, seq));
    CREATE TABLE stress_counter (id int PRIMARY KEY, n int NOT NULL);
    INSERT INTO stress_counter VALUES (1, 0);
    -- The Prisma clients may run as the app's role (-c role=cto_app), as the app does.
    DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cto_app') THEN CREATE ROLE cto_app NOLOGIN; END IF;
    END $$;
    GRANT SELECT, INSERT, UPDATE ON stress_accounts, stress_log, stress_counter TO cto_app;`);
});
afterAll(async () => {
  await admin?.end();
  await database?.stop();
});

/** A small seeded generator, so that a failing mix can be replayed. */
const randomFor = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

type Tally = {
  problems: string[];
  committed: Set<string>;
  absent: Set<string>;
  sections: number;
  ops: Map<string, number>;
};

const md5 = (text: string) => createHash("md5").update(text).digest("hex");
const code = (error: unknown) => (error as { code?: string }).code;

const pgWorker = async (index: number, deadline: number, tally: Tally) => {
  const random = randomFor(index + 1);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const zone = ZONES[index % ZONES.length]!;
  const name = `pg${index}`;
  let seq = 0;
  const connect = async () => {
    const client = new pg.Client({ connectionString: database.url, options: `-c TimeZone=${zone}` });
    client.on("error", () => undefined);
    await client.connect();
    return client;
  };
  const drop = (client: pg.Client) =>
    (client as unknown as { connection: { stream: net.Socket } }).connection.stream.destroy();
  const check = (ok: boolean, what: string) => void (ok || tally.problems.push(`${name} ${what}`));
  let client = await connect();

  const ops: Record<string, () => Promise<void>> = {
    echo: async () => {
      const n = Math.floor(random() * 2 ** 31);
      const text = `${name}·${n}·ünïcødé`;
      const { rows } = await client.query("SELECT $1::int AS n, $2::text AS s, md5($2) AS h", [n, text]);
      check(
        rows.length === 1 && rows[0].n === n && rows[0].s === text && rows[0].h === md5(text),
        `echo got ${JSON.stringify(rows)}`,
      );
    },
    named: async () => {
      // The same statement name on every connection, with a different text on each.
      const value = String(random());
      const { rows } = await client.query({
        name: "stress_named",
        text: `SELECT $1::text || '/${name}' AS v`,
        values: [value],
      });
      check(rows[0]?.v === `${value}/${name}`, `named got ${JSON.stringify(rows)}`);
    },
    settings: async () => {
      const { rows } = await client.query("SELECT current_setting('TimeZone') AS tz");
      check(rows[0]?.tz === zone, `TimeZone ${rows[0]?.tz}, not ${zone}`);
    },
    transfer: async () => {
      const key = `${name}:${++seq}`;
      const [from, to] = [1 + Math.floor(random() * ACCOUNTS), 1 + Math.floor(random() * ACCOUNTS)];
      const amount = 1 + Math.floor(random() * 50);
      await client.query("BEGIN");
      const { rows } = await client.query("SELECT balance FROM stress_accounts WHERE id = $1 FOR UPDATE", [from]);
      if (from === to || rows[0].balance < amount) {
        await client.query("ROLLBACK");
        return;
      }
      await client.query("UPDATE stress_accounts SET balance = balance - $2 WHERE id = $1", [from, amount]);
      await client.query("UPDATE stress_accounts SET balance = balance + $2 WHERE id = $1", [to, amount]);
      await client.query("INSERT INTO stress_log VALUES ($1, $2, 'transfer')", [name, seq]);
      await client.query("COMMIT");
      tally.committed.add(key);
    },
    failedTransaction: async () => {
      const key = `${name}:${++seq}`;
      await client.query("BEGIN");
      await client.query("INSERT INTO stress_log VALUES ($1, $2, 'failed')", [name, seq]);
      await client.query("SELECT 1 / $1::int", [0]).then(
        () => check(false, "1 / 0 succeeded"),
        (error) => check(code(error) === "22012", `1 / 0 gave ${code(error)}`),
      );
      await client.query("SELECT 1").then(
        () => check(false, "a failed transaction ran a query"),
        (error) => check(code(error) === "25P02", `failed transaction gave ${code(error)}`),
      );
      await client.query("ROLLBACK");
      tally.absent.add(key);
    },
    savepoint: async () => {
      const [kept, undone] = [`${name}:${++seq}`, `${name}:${++seq}`];
      await client.query("BEGIN");
      await client.query("INSERT INTO stress_log VALUES ($1, $2, 'kept')", [name, seq - 1]);
      await client.query("SAVEPOINT s");
      await client.query("INSERT INTO stress_log VALUES ($1, $2, 'undone')", [name, seq]);
      await client.query("ROLLBACK TO SAVEPOINT s");
      await client.query("COMMIT");
      tally.committed.add(kept);
      tally.absent.add(undone);
    },
    criticalSection: async () => {
      await client.query("SELECT pg_advisory_lock(777)");
      const { rows } = await client.query("SELECT n FROM stress_counter WHERE id = 1");
      await sleep(random() * 5);
      await client.query("UPDATE stress_counter SET n = $1 WHERE id = 1", [rows[0].n + 1]);
      tally.sections++;
      const unlocked = await client.query("SELECT pg_advisory_unlock(777) AS ok");
      check(unlocked.rows[0].ok === true, "unlock of a held lock failed");
    },
    dropInTransaction: async () => {
      const key = `${name}:${++seq}`;
      await client.query("BEGIN");
      await client.query("INSERT INTO stress_log VALUES ($1, $2, 'dropped')", [name, seq]);
      // Committed, this would break the total of the balances.
      await client.query("UPDATE stress_accounts SET balance = balance + 1 WHERE id = $1", [
        1 + Math.floor(random() * ACCOUNTS),
      ]);
      tally.absent.add(key);
      drop(client);
      client = await connect();
    },
    dropMidQuery: async () => {
      const [from, to] = [1 + Math.floor(random() * ACCOUNTS), 1 + Math.floor(random() * ACCOUNTS)];
      // One statement: applied whole or not at all, whenever the connection drops.
      const sent = client.query(
        `UPDATE stress_accounts SET balance = balance + CASE WHEN id = $1 THEN -1 ELSE 1 END
         WHERE id IN ($1, $2) AND $1 <> $2 AND (SELECT balance FROM stress_accounts WHERE id = $1) > 0`,
        [from, to],
      );
      sent.catch(() => undefined);
      if (random() < 0.5) await sleep(random() * 3);
      drop(client);
      client = await connect();
    },
    dropHoldingLock: async () => {
      await client.query(`SELECT pg_advisory_lock(${random() < 0.5 ? 777 : 778})`);
      drop(client);
      client = await connect();
    },
  };
  const names = Object.keys(ops);
  for (let round = 0; round < MAX_ROUNDS && Date.now() < deadline; round++) {
    const op = pick(names);
    tally.ops.set(op, (tally.ops.get(op) ?? 0) + 1);
    try {
      await ops[op]!();
    } catch (error) {
      tally.problems.push(`${name} ${op}: ${code(error) ?? ""} ${(error as Error).message}`);
      drop(client);
      client = await connect();
    }
  }
  await client.end();
};

const prismaWorker = async (index: number, deadline: number, tally: Tally) => {
  const random = randomFor(100 + index);
  const name = `prisma${index}`;
  // An unmigrated database: no app role to switch to.
  const db = createDb({ url: database.url, maxConnections: 4, log: [], role: null });
  const check = (ok: boolean, what: string) => void (ok || tally.problems.push(`${name} ${what}`));
  let seq = 0;
  const ops: Record<string, () => Promise<void>> = {
    echo: async () => {
      const n = Math.floor(random() * 2 ** 31);
      const text = `${name}:${n}`;
      const rows = await db.$queryRaw<
        { n: number; s: string; tz: string }[]
      >`SELECT ${n}::int AS n, ${text}::text AS s, current_setting('TimeZone') AS tz`;
      check(
        rows.length === 1 && rows[0]!.n === n && rows[0]!.s === text && rows[0]!.tz === "UTC",
        `echo got ${JSON.stringify(rows)}`,
      );
    },
    transfer: async () => {
      const mine = ++seq;
      const key = `${name}:${mine}`;
      const [from, to] = [1 + Math.floor(random() * ACCOUNTS), 1 + Math.floor(random() * ACCOUNTS)];
      if (from === to) return;
      await db.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<
          { balance: number }[]
        >`SELECT balance FROM stress_accounts WHERE id = ${from} FOR UPDATE`;
        if (row!.balance < 10) return;
        await tx.$executeRaw`UPDATE stress_accounts SET balance = balance - 10 WHERE id = ${from}`;
        await tx.$executeRaw`UPDATE stress_accounts SET balance = balance + 10 WHERE id = ${to}`;
        await tx.$executeRaw`INSERT INTO stress_log VALUES (${name}, ${mine}, 'transfer')`;
        tally.committed.add(key);
      });
    },
    thrownTransaction: async () => {
      const mine = ++seq;
      const key = `${name}:${mine}`;
      await expect(
        db.$transaction(async (tx) => {
          await tx.$executeRaw`INSERT INTO stress_log VALUES (${name}, ${mine}, 'thrown')`;
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      tally.absent.add(key);
    },
    batch: async () => {
      const mine = ++seq;
      const key = `${name}:${mine}`;
      const [, rows] = await db.$transaction([
        db.$executeRaw`INSERT INTO stress_log VALUES (${name}, ${mine}, 'batch')`,
        db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`,
      ]);
      check(rows[0]?.one === 1, `batch got ${JSON.stringify(rows)}`);
      tally.committed.add(key);
    },
  };
  const names = Object.keys(ops);
  try {
    for (let round = 0; round < MAX_ROUNDS && Date.now() < deadline; round++) {
      const batch = Array.from({ length: 3 }, () => names[Math.floor(random() * names.length)]!);
      await Promise.all(
        batch.map(async (op) => {
          tally.ops.set(`prisma ${op}`, (tally.ops.get(`prisma ${op}`) ?? 0) + 1);
          await ops[op]!().catch((error: Error) =>
            tally.problems.push(`${name} ${op}: ${code(error) ?? ""} ${error.message}`),
          );
        }),
      );
    }
  } finally {
    await db.$disconnect();
  }
};

it("serves many clients at once: no protocol error, no wrong row, nothing left behind", async () => {
  const tally: Tally = { problems: [], committed: new Set(), absent: new Set(), sections: 0, ops: new Map() };
  const deadline = Date.now() + DURATION_MS;
  await Promise.all([
    ...Array.from({ length: PG_WORKERS }, (_, i) => pgWorker(i, deadline, tally)),
    ...Array.from({ length: PRISMA_WORKERS }, (_, i) => prismaWorker(i, deadline, tally)),
  ]);
  console.log(`stress: ${[...tally.ops].map(([op, n]) => `${op} ${n}`).join(", ")}`);

  expect(tally.problems).toEqual([]);
  const { rows: accounts } = await admin.query(
    "SELECT sum(balance)::int AS total, min(balance) AS lowest FROM stress_accounts",
  );
  expect(accounts[0]).toMatchObject({ total: ACCOUNTS * OPENING_BALANCE });
  const { rows: logged } = await admin.query("SELECT worker || ':' || seq AS key FROM stress_log");
  const present = new Set(logged.map((row) => row.key as string));
  expect([...tally.committed].filter((key) => !present.has(key))).toEqual([]);
  expect([...tally.absent].filter((key) => present.has(key))).toEqual([]);
  expect((await admin.query("SELECT n FROM stress_counter")).rows[0].n).toBe(tally.sections);
  for (const op of [
    "transfer",
    "failedTransaction",
    "criticalSection",
    "dropInTransaction",
    "dropMidQuery",
    "prisma transfer",
    "prisma thrownTransaction",
  ]) {
    expect(tally.ops.get(op), op).toBeGreaterThan(0);
  }
  await vi.waitFor(
    () => expect(database.stats()).toMatchObject({ connections: 1, queued: 0, locks: { held: 0, waiting: 0 } }),
    { timeout: 15_000 },
  );
  for (const key of [777, 778])
    expect((await admin.query("SELECT pg_try_advisory_lock($1) AS free", [key])).rows[0].free).toBe(true);
});

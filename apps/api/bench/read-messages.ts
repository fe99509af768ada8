// `pnpm bench:api`: requests/s and p50/p99 latency of reading a 50-message page of a conversation through
// the API (real HTTP on 127.0.0.1, Prisma 7 on @prisma/adapter-pg), next to the same query through plain
// `pg`, in one run against real PostgreSQL, and their ratio. Every load loop is bounded in time and count.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { serve } from "@hono/node-server";
import pg from "pg";

import { createDb } from "@cto/db/client";
import { createPostgresTestDatabase, probePostgres } from "@cto/db/testing";

import { createApp } from "../src/app.ts";
import { DEFAULT_CONFIG, GENEROUS_AUTH_LIMITS } from "../src/context.ts";
import { createApiKey } from "../src/services/api-keys.ts";
import { createOutboxMailer } from "../src/services/mailer.ts";

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5_000);
const MAX_REQUESTS = 200_000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PAGE = 50;

type Result = { label: string; count: number; seconds: number; p50: number; p99: number };

/** Runs `once` from `CONCURRENCY` loops until the time or the request budget is spent. */
const load = async (label: string, once: () => Promise<void>): Promise<Result> => {
  for (let i = 0; i < 200; i++) await once(); // warm-up: connections, JIT, plan cache
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + DURATION_MS;
  const loop = async () => {
    while (performance.now() < deadline && latencies.length < MAX_REQUESTS) {
      const t0 = performance.now();
      await once();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { label, count: latencies.length, seconds, p50: at(0.5), p99: at(0.99) };
};

const probe = await probePostgres(adminUrl);
if (!probe.ok) {
  console.error(`bench:api needs real PostgreSQL: ${probe.reason}`);
  process.exit(1);
}
const database = await createPostgresTestDatabase(adminUrl, { migrate: true });
const db = createDb({ url: database.url, log: [] });
const plain = new pg.Pool({ connectionString: database.url, max: 10 });
const server = serve({ fetch: createApp({ db, config: { ...DEFAULT_CONFIG, authLimits: GENEROUS_AUTH_LIMITS }, mailer: createOutboxMailer(path.join(tmpdir(), "cto-bench-outbox")) }).fetch, port: 0, hostname: "127.0.0.1" });
try {
  const user = await db.user.create({ data: { email: "bench@example.com" } });
  const conversation = await db.conversation.create({ data: { userId: user.id, title: "Bench" } });
  const start = Date.now() - 1_000_000;
  await db.message.createMany({ data: Array.from({ length: 500 }, (_, i) => ({ conversationId: conversation.id, role: i % 2 ? ("ASSISTANT" as const) : ("USER" as const), userId: i % 2 ? null : user.id, content: `Message ${i}: ${"lorem ipsum ".repeat(20)}`, createdAt: new Date(start + i * 1000) })) });
  await plain.query("ANALYZE messages");
  const { key } = await createApiKey({ db, userId: user.id, name: "bench" });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/conversations/${conversation.id}/messages?limit=${PAGE}`;

  const check = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  if (check.status !== 200) throw new Error(`the messages route answered ${check.status}: ${await check.text()}`);
  const page = (await check.json()) as { items: unknown[] };
  if (page.items.length !== PAGE) throw new Error(`expected ${PAGE} messages, got ${page.items.length}`);

  // node:http with keep-alive rather than fetch: the client shares the process's CPU, and undici's fetch costs more than the server's work.
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const get = () =>
    new Promise<void>((resolve, reject) => {
      http.get(url, { agent, headers: { authorization: `Bearer ${key}` } }, (response) => {
        response.on("data", () => undefined).on("end", () => (response.statusCode === 200 ? resolve() : reject(new Error(`status ${response.statusCode}`))));
      }).on("error", reject);
    });
  const api = await load("API (HTTP + auth + Prisma)", get);
  agent.destroy();
  const prisma = await load("Prisma 7, same query", async () => {
    await db.message.findMany({ where: { conversationId: conversation.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: PAGE + 1 });
  });
  const prismaRaw = await load("Prisma 7 $queryRaw, same SQL", async () => {
    await db.$queryRaw`SELECT id, conversation_id, role, content, user_id, tool_calls, tool_call_id, metadata, source, telegram_message_id, created_at
                       FROM messages WHERE conversation_id = ${conversation.id}::uuid ORDER BY created_at ASC, id ASC LIMIT ${PAGE + 1}`;
  });
  const direct = await load("plain pg, same query", async () => {
    await plain.query(
      `SELECT id, conversation_id, role, content, user_id, tool_calls, tool_call_id, metadata, source, telegram_message_id, created_at
       FROM messages WHERE conversation_id = $1 ORDER BY created_at ASC, id ASC LIMIT $2`,
      [conversation.id, PAGE + 1],
    );
  });

  console.log(`\nRead a ${PAGE}-message page, concurrency ${CONCURRENCY}, ${DURATION_MS / 1000} s each, PostgreSQL ${(await plain.query("SHOW server_version")).rows[0].server_version}`);
  for (const r of [api, prisma, prismaRaw, direct]) console.log(`${r.label.padEnd(30)} ${(r.count / r.seconds).toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms   (${r.count} requests)`);
  const rate = (r: Result) => r.count / r.seconds;
  console.log(`ratio Prisma vs pg (the data layer; target ≤ 1.5x): throughput ${(rate(direct) / rate(prisma)).toFixed(2)}x, p50 ${(prisma.p50 / direct.p50).toFixed(2)}x`);
  console.log(`ratio API vs pg (end to end: HTTP, auth, ownership check, serialisation): throughput ${(rate(direct) / rate(api)).toFixed(2)}x, p50 ${(api.p50 / direct.p50).toFixed(2)}x`);
} finally {
  server.close();
  await plain.end();
  await db.$disconnect();
  await database.drop();
}

// `pnpm bench:api`: the API as production runs it (bench/server.ts) under autocannon in a process of its
// own, on three paths (bench/paths.ts), each next to the same work through plain `pg` and through the data
// layer alone, measured in this run, with the load average and PostgreSQL's CPU per request at each step,
// the API's CPU per request and its peak RSS.
// Env: TEST_DATABASE_URL (admin URL), REDIS_URL, BENCH_SECONDS (per measurement, default 5),
// BENCH_CONCURRENCY (default 16), BENCH_API_DIR (an API deployment to reuse instead of deploying one),
// BENCH_CPU_PROF (a folder: the API writes a --cpu-prof profile there when it stops), BENCH_PATHS (some of
// page, check-in, dashboard, comma-separated: a profile of one path alone).
import pg from "pg";

import { createDb } from "@cto/db/client";
import { createPostgresTestDatabase, probePostgres } from "@cto/db/testing";

import { createCheckIn, dashboard, messagePage, seed, type TBenchPath } from "./paths.ts";
import {
  autocannon,
  cpuMs,
  deployApi,
  loadAverage,
  peakRssMb,
  postgresCpu,
  postgresCpuSince,
  removeRedisKeys,
  startApi,
} from "./server.ts";

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const MAX_CALLS = 500_000;
const PATH_NAMES = ["page", "check-in", "dashboard"];
const chosen = process.env.BENCH_PATHS?.split(",").map((name) => name.trim()) ?? PATH_NAMES;
const unknown = chosen.filter((name) => !PATH_NAMES.includes(name));
if (unknown.length || !chosen.length) {
  console.error(`BENCH_PATHS: ${unknown.join(", ") || "(empty)"}; name some of ${PATH_NAMES.join(", ")}`);
  process.exit(1);
}

type TFigure = {
  path: string;
  label: string;
  perSecond: number;
  p50: number;
  p99: number;
  load: string;
  cpuPerRequest?: number;
  /** PostgreSQL's CPU (every server process) per request or call. */
  postgresCpuPerRequest: number;
};

/** `once` from CONCURRENCY loops in this process until the time or the call budget is spent (after a warm-up). */
const loop = async (once: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < 200; i++) await once(i);
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < deadline && next < MAX_CALLS) {
      const t0 = performance.now();
      await once(next++);
      latencies.push(performance.now() - t0);
    }
  };
  const postgresBefore = postgresCpu();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const postgresCpuPerRequest = postgresCpuSince(postgresBefore) / latencies.length;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return {
    perSecond: latencies.length / ((performance.now() - started) / 1000),
    p50: at(0.5),
    p99: at(0.99),
    postgresCpuPerRequest,
  };
};

const probe = await probePostgres(adminUrl);
if (!probe.ok) {
  console.error(`bench:api needs real PostgreSQL: ${probe.reason}`);
  process.exit(1);
}
console.log(
  `bench:api: deploying the API (tooling/deploy) unless BENCH_API_DIR names one; load average ${loadAverage()}`,
);
const apiDir = deployApi(process.env.BENCH_API_DIR);
const database = await createPostgresTestDatabase(adminUrl, { migrate: true });
const db = createDb({ url: database.url, log: ["error"] });
const plain = new pg.Pool({ connectionString: database.url, max: 10 });
// An idle client the server drops (a restart, a terminated backend) is an error event on the pool:
// unheard, Node ends the run before it prints; heard, the pool opens another when one is next needed.
plain.on("error", (error) => console.error(`  plain pg pool: an idle client failed: ${error.message}`));
const prefix = `cto-bench-api-${process.pid}`;
const profileDir = process.env.BENCH_CPU_PROF;
const api = await startApi({
  dir: apiDir,
  databaseUrl: database.url,
  redisUrl,
  prefix,
  // BENCH_NODE_ARGS: node flags to try (before the production start's own, which win where both set one).
  nodeArgs: [
    ...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
    ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
  ],
});
const figures: TFigure[] = [];
let apiPeakMb = Number.NaN;
let completed = false;
try {
  const seeded = await seed(db);
  await plain.query("ANALYZE");
  const paths: Record<string, TBenchPath> = {
    page: messagePage({ db, plain, seeded }),
    "check-in": createCheckIn({ db, plain, seeded }),
    dashboard: dashboard({ db, plain, seeded }),
  };
  for (const path of chosen.map((name) => paths[name]!)) {
    for (const request of path.requests) {
      const response = await fetch(`${api.url}${request.path}`, {
        method: request.method ?? "GET",
        headers: request.headers,
        body: request.body,
      });
      if (!response.ok)
        throw new Error(
          `${request.method ?? "GET"} ${request.path} answered ${response.status}: ${await response.text()}`,
        );
    }
    const cpuBefore = cpuMs(api.pid);
    const postgresBefore = postgresCpu();
    const through = await autocannon({
      url: api.url,
      requests: path.requests,
      connections: CONCURRENCY,
      seconds: SECONDS,
    });
    const requests = through.total + through.warmUpTotal;
    const cpuPerRequest = (cpuMs(api.pid) - cpuBefore) / requests;
    const postgresCpuPerRequest = postgresCpuSince(postgresBefore) / requests;
    if (through.non2xx || through.errors)
      throw new Error(`${path.name}: ${through.non2xx} answers not 2xx, ${through.errors} errors (see ${api.logFile})`);
    figures.push({
      path: path.name,
      label: "API (autocannon → node dist/index.js)",
      ...through,
      load: loadAverage(),
      cpuPerRequest,
      postgresCpuPerRequest,
    });
    for (const [label, once] of Object.entries(path.dataLayer))
      figures.push({ path: path.name, label, ...(await loop(once)), load: loadAverage() });
    figures.push({ path: path.name, label: "plain pg (baseline)", ...(await loop(path.pg)), load: loadAverage() });
  }
  apiPeakMb = peakRssMb(api.pid);
  completed = true;
} finally {
  await api.stop({ keepLog: !completed });
  await removeRedisKeys(redisUrl, prefix);
  await plain.end();
  await db.$disconnect();
  await database.drop();
}

console.log(
  `\nconcurrency ${CONCURRENCY}, ${SECONDS} s each; the API in production mode with Redis and request logging`,
);
for (const path of new Set(figures.map((figure) => figure.path))) {
  const rows = figures.filter((figure) => figure.path === path);
  const baseline = rows.find((row) => row.label.startsWith("plain pg"))!;
  console.log(`\n${path}`);
  for (const row of rows) {
    const ratio = baseline.perSecond / row.perSecond;
    console.log(
      `  ${row.label.padEnd(38)} ${row.perSecond.toFixed(0).padStart(6)} req/s  p50 ${row.p50.toFixed(2).padStart(6)} ms  p99 ${row.p99.toFixed(2).padStart(7)} ms  ${row === baseline ? "baseline".padStart(14) : `pg is ${ratio.toFixed(2)}x`.padStart(14)}   load ${row.load}   CPU ms/request: PG ${row.postgresCpuPerRequest.toFixed(2)}${row.cpuPerRequest === undefined ? "" : `, API ${row.cpuPerRequest.toFixed(2)}`}`,
    );
  }
}
console.log(
  `\nAPI peak RSS ${apiPeakMb.toFixed(0)} MB (target < 300 MB)${profileDir ? `; CPU profile in ${profileDir}` : ""}`,
);
console.log("targets: the API within 3x of plain pg on each path, the data layer within 1.5x on the reads");
process.exit(0);

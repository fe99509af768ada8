// `npm start`: database (embedded unless DATABASE_URL is set), migrations, demo data on first start,
// a Redis check, then the API, the worker and the web app side by side until Ctrl-C. Every line of
// every process is printed in one format (log-format.ts), and "open http://…" only once the API and
// the web app both answer.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

import { startEmbeddedDatabase, type EmbeddedDatabase } from "@cto/db/embedded";
import { createLogger } from "@cto/log/logger";

import { createLineFormatter, eachLine, logFormatFor, type TProcessName } from "./log-format.ts";

const root = path.resolve(import.meta.dirname, "..", "..");
const dbPackage = path.join(root, "packages", "db");
// TypeScript entry points run in one Node process each, with tsx loaded in-process (every package that
// runs one has tsx). The tsx CLI would run them in a grandchild, and it SIGKILLs that grandchild when it
// does not acknowledge a SIGTERM within 30 ms, as a busy process does: no graceful stop, no drain.
const typescript = (entry: string) => [process.execPath, ["--import", "tsx", entry]] as const;

/** How long the processes get to answer before the start script says which one does not, and again. */
const READY_NOTICE_MS = 60_000;
// The worker drains its active jobs on SIGTERM; past this, whatever still runs is killed.
const STOP_GRACE_MS = 30_000;

const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "development" };
const format = logFormatFor(env.NODE_ENV);
const formatLine = createLineFormatter({
  format,
  colour: format === "pretty" && Boolean(process.stdout.isTTY) && !env.NO_COLOR,
});
const print = (name: TProcessName, line: string) => process.stdout.write(formatLine(name, line));
const log = createLogger({ name: "cto", destination: { write: (line: string) => print("cto", line.trimEnd()) } });

const seconds = (ms: number) => `${Math.round(ms / 1_000)} s`;

/** host:port of a URL, without credentials. */
const location = (url: string) => {
  const { hostname, port, protocol } = new URL(url);
  return `${hostname}:${port || (protocol === "redis:" ? 6379 : 5432)}`;
};

/**
 * Runs a one-off step (migrations, seed) to its end, printing its lines as `db` lines; `quiet` lines
 * are only printed if the step fails (they are noise when it works).
 */
const runStep = (command: string, args: string[], { cwd = root, quiet = [] as RegExp[] } = {}) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const held: string[] = [];
    const onLine = (line: string) =>
      quiet.some((pattern) => pattern.test(line)) ? held.push(line) : print("db", line);
    eachLine(child.stdout!, onLine);
    eachLine(child.stderr!, onLine);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) return resolve();
      for (const line of held) print("db", line);
      reject(
        new Error(`${path.basename(args.find((arg) => /\.[cm]?[jt]s$/.test(arg)) ?? command)} exited with ${code}`),
      );
    });
  });

// What `prisma migrate deploy` says every time; shown only when it fails.
const MIGRATE_NOISE = [
  /^Loaded Prisma config/,
  /^Prisma schema loaded/,
  /^Datasource "/,
  /^\d+ migrations? found/,
  /^No pending migrations/,
  /^Environment variables loaded/,
];

/** Sends PING to Redis over a raw socket: the start script needs no Redis client to say what is wrong. */
const redisAnswers = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => done(data.toString().startsWith("+PONG") || data.toString().startsWith("-NOAUTH")));
  });

const answers200 = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    async (response) => {
      await response.arrayBuffer();
      return response.status === 200;
    },
    () => false,
  );

let embedded: EmbeddedDatabase | undefined;

const main = async () => {
  if (!env.DATABASE_URL) {
    log.info("no DATABASE_URL: starting the embedded PostgreSQL (PGlite + pgvector) in .data/pglite…");
    const port = env.EMBEDDED_DB_PORT ? Number(env.EMBEDDED_DB_PORT) : undefined;
    embedded = await startEmbeddedDatabase(port === undefined ? {} : { port });
    env.DATABASE_URL = embedded.url;
    env.SHADOW_DATABASE_URL ??= embedded.shadowDatabaseUrl;
    // Its URL's well-known development credentials would be redacted from a log line, so they are said in words.
    log.info(`embedded database at ${location(embedded.url)} (user postgres, password postgres; psql works too)`);
  } else {
    log.info(`using DATABASE_URL (${location(env.DATABASE_URL)})`);
  }

  await runStep(process.execPath, [path.join(dbPackage, "bin", "cto-prisma.mjs"), "migrate", "deploy"], {
    cwd: dbPackage,
    quiet: MIGRATE_NOISE,
  });
  const [node, seedArgs] = typescript(path.join(dbPackage, "src", "seed", "cli.ts"));
  await runStep(node, [...seedArgs, "--if-missing"], { cwd: dbPackage });

  // A Redis Cluster or Sentinel set is the apps' to find (and wait for); only one server is probed here.
  const redisElsewhere = Boolean(env.REDIS_CLUSTER_NODES || env.REDIS_SENTINELS);
  if (!redisElsewhere) env.REDIS_URL ??= "redis://127.0.0.1:6379";
  env.PORT ??= "3000";
  env.WORKER_HEALTH_PORT ??= "3001";
  env.CTO_API_ORIGIN ??= `http://127.0.0.1:${env.PORT}`;
  env.WEB_PORT ??= "5173";
  env.WEB_ORIGIN ??= `http://127.0.0.1:${env.WEB_PORT}`;

  const children = new Map<TProcessName, ChildProcess>();
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log.info("stopping…");
    const running = [...children.values()].filter((child) => child.exitCode === null && child.signalCode === null);
    for (const child of running) child.kill("SIGTERM");
    await Promise.all(
      running.map(
        (child) =>
          new Promise((resolve) => {
            const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
            // "close", not "exit": the process's last lines are still on their way through its pipes at exit.
            child.once("close", () => {
              clearTimeout(timer);
              resolve(null);
            });
          }),
      ),
    );
    await embedded
      ?.stop()
      .catch((error: unknown) =>
        log.warn(`the embedded database did not stop cleanly: ${error instanceof Error ? error.message : error}`),
      );
    process.exit(code);
  };
  // Ctrl-C, or a SIGTERM: each app gets one SIGTERM from here (they run in process groups of their own,
  // so the terminal's Ctrl-C does not reach them a second time, which the worker would take as "stop now").
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  const startApp = (name: Exclude<TProcessName, "cto" | "db">, command: string, args: readonly string[]) => {
    const child = spawn(command, args, {
      cwd: path.join(root, "apps", name),
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    eachLine(child.stdout!, (line) => print(name, line));
    eachLine(child.stderr!, (line) => print(name, line));
    child.on("exit", (code, signal) => {
      if (stopping) return;
      const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
      if (name === "worker") {
        log.error(
          `the worker ${how}; reminders, reports and screenshot reading wait until it runs again (restart npm start)`,
        );
        return;
      }
      log.error(`the ${name === "api" ? "API" : "web app"} ${how}; stopping everything (see its lines above)`);
      void shutdown(1);
    });
    children.set(name, child);
  };

  const startWorker = () => startApp("worker", ...typescript("src/index.ts"));
  if (redisElsewhere || (await redisAnswers(env.REDIS_URL!))) {
    startWorker();
  } else {
    const redisLocation = location(env.REDIS_URL!);
    log.warn(
      `Redis is not reachable at ${redisLocation}: reminders, reports and screenshot reading wait until it is. ` +
        "Start one with `docker compose up -d redis`, or `redis-server --appendonly yes`, or set REDIS_URL. " +
        "The API and the web app start without it; the worker starts as soon as Redis answers.",
    );
    // Checked again with back-off, silently: the API already says once per attempt that Redis is away.
    void (async () => {
      for (let attempt = 1; !stopping; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(1_000 * 2 ** (attempt - 1), 30_000)).unref());
        if (stopping || !(await redisAnswers(env.REDIS_URL!))) continue;
        log.info(`Redis answers at ${redisLocation}: starting the worker`);
        startWorker();
        return;
      }
    })();
  }
  startApp("api", ...typescript("src/index.ts"));
  startApp("web", path.join(root, "apps", "web", "node_modules", ".bin", "vite"), [
    "--strictPort",
    "--logLevel",
    "warn",
    "--clearScreen",
    "false",
  ]);
  log.info("starting the API and the web app…");

  // "Open" only once the browser will get answers: the API, the web app, and the API through the web
  // app's proxy (the path the browser uses). In that order: asking the proxy before the API answers
  // would make Vite print a stack trace per try.
  const checks = [
    { what: "the API", url: `${env.CTO_API_ORIGIN}/ready` },
    { what: "the web app", url: `${env.WEB_ORIGIN}/` },
    { what: "the web app's proxy to the API", url: `${env.WEB_ORIGIN}/api/ready` },
  ];
  const started = Date.now();
  let nextNotice = started + READY_NOTICE_MS;
  let answered = 0;
  while (!stopping) {
    while (answered < checks.length && (await answers200(checks[answered]!.url))) answered += 1;
    if (answered === checks.length) {
      log.info(
        `Cto is ready in ${seconds(Date.now() - started)}: open ${env.WEB_ORIGIN} (API at ${env.CTO_API_ORIGIN}). Ctrl-C stops everything.`,
      );
      return;
    }
    if (Date.now() >= nextNotice) {
      const waiting = checks[answered]!;
      log.warn(`still waiting after ${seconds(Date.now() - started)} for ${waiting.what} (${waiting.url})`);
      nextNotice += READY_NOTICE_MS;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
};

main().catch(async (error: unknown) => {
  log.error(`start failed: ${error instanceof Error ? error.message : String(error)}`);
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});

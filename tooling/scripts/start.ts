// `npm start`: database (embedded unless DATABASE_URL is set), migrations, demo data on first start,
// a Redis check, then the API, the worker and the web app side by side until Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

import { startEmbeddedDatabase, type EmbeddedDatabase } from "@cto/db/embedded";

const root = path.resolve(import.meta.dirname, "..", "..");
const tsx = path.join(root, "tooling", "scripts", "node_modules", ".bin", "tsx");
const dbPackage = path.join(root, "packages", "db");

const log = (message: string) => console.log(`cto: ${message}`);

const runToEnd = (command: string, args: string[], env: NodeJS.ProcessEnv, cwd = root) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? command)} exited with ${code}`))));
  });

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

const main = async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "development" };
  let embedded: EmbeddedDatabase | undefined;
  if (!env.DATABASE_URL) {
    log("no DATABASE_URL: starting the embedded PostgreSQL (PGlite + pgvector) in .data/pglite…");
    const port = env.EMBEDDED_DB_PORT ? Number(env.EMBEDDED_DB_PORT) : undefined;
    embedded = await startEmbeddedDatabase(port === undefined ? {} : { port });
    env.DATABASE_URL = embedded.url;
    env.SHADOW_DATABASE_URL ??= embedded.shadowDatabaseUrl;
    log(`embedded database at ${embedded.url} (psql works too)`);
  } else {
    log(`using DATABASE_URL (${new URL(env.DATABASE_URL).host})`);
  }

  log("applying migrations…");
  await runToEnd(process.execPath, [path.join(dbPackage, "bin", "cto-prisma.mjs"), "migrate", "deploy"], env, dbPackage);
  log("seeding the demo data if this is the first start…");
  await runToEnd(tsx, [path.join(dbPackage, "src", "seed", "cli.ts"), "--if-missing"], env, dbPackage);

  env.REDIS_URL ??= "redis://127.0.0.1:6379";
  const redisOk = await redisAnswers(env.REDIS_URL);
  if (!redisOk) {
    console.warn(
      [
        "",
        `cto: Redis is not reachable at ${env.REDIS_URL}. Reminders, reports and other background jobs need it.`,
        "     Start one with `docker compose up -d redis` (see docker-compose.yml), or install Redis and run",
        "     `redis-server --appendonly yes`, or set REDIS_URL to a Redis you have. The API and web app start without it.",
        "",
      ].join("\n"),
    );
  }

  env.PORT ??= "3000";
  env.WORKER_HEALTH_PORT ??= "3001";
  env.CTO_API_ORIGIN ??= `http://127.0.0.1:${env.PORT}`;
  env.WEB_PORT ??= "5173";
  env.WEB_ORIGIN ??= `http://127.0.0.1:${env.WEB_PORT}`;
  const children: ChildProcess[] = [];
  let stopping = false;
  const startApp = (name: string, command: string, args: string[]) => {
    const child = spawn(command, args, { cwd: path.join(root, "apps", name), env, stdio: "inherit" });
    child.on("exit", (code) => !stopping && code && log(`${name} exited with ${code}`));
    children.push(child);
  };
  startApp("api", tsx, ["src/index.ts"]);
  if (redisOk) startApp("worker", tsx, ["src/index.ts"]);
  startApp("web", path.join(root, "apps", "web", "node_modules", ".bin", "vite"), ["--strictPort"]);
  log(`Cto is starting: open http://127.0.0.1:${env.WEB_PORT} (API at ${env.CTO_API_ORIGIN}). Ctrl-C stops everything.`);

  const shutdown = async () => {
    stopping = true;
    log("stopping…");
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)))));
    await embedded?.stop();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
};

main().catch((error: unknown) => {
  console.error(`\ncto: start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

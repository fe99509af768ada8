#!/usr/bin/env node
// `pnpm start:prod`: the built API, worker and web server on one machine, each with plain `node` from
// its deployment (deploy.mjs, as in its image), until SIGTERM or Ctrl-C. Migrations are their own
// step before it (`pnpm db:deploy`); nothing here changes the database.
//
//   node tooling/deploy/start-prod.mjs [--dir <folder>] [--prepared]
//
// --dir: where the deployments go (default .cache/deploy); --prepared: they are there already.
import { spawn } from "node:child_process";
import path from "node:path";

import { APPS, ROOT } from "./apps.mjs";
import { buildApps, deploy } from "./deploy.mjs";

// Each app drains on SIGTERM (requests in flight, active jobs); past this, whatever still runs is killed.
const STOP_GRACE_MS = Number(process.env.STOP_GRACE_MS ?? 30_000);

const arg = (name) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};
const dir = path.resolve(arg("--dir") ?? path.join(ROOT, ".cache", "deploy"));
const say = (level, msg) =>
  process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), name: "start", msg })}\n`);

const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" };
env.PORT ??= "3000";
// The web server serves the API on its own origin (/api), reaching it here; the API believes the
// client address it forwards (and only from this machine: TRUST_PROXY names more hops behind another proxy).
env.CTO_API_ORIGIN ??= `http://127.0.0.1:${env.PORT}`;
env.TRUST_PROXY ??= "loopback";

if (!process.argv.includes("--prepared")) {
  buildApps(Object.keys(APPS));
  for (const app of Object.keys(APPS)) deploy({ app, outDir: path.join(dir, app), build: false });
}

const children = new Map();
let stopping = false;
let exitCode = 0;

const stop = async (code) => {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  say("info", "stopping: SIGTERM to each app, waiting for them to drain");
  const running = [...children.values()].filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    running.map(
      (child) =>
        new Promise((resolve) => {
          let killed = false;
          const timer = setTimeout(() => {
            killed = true;
            child.kill("SIGKILL");
          }, STOP_GRACE_MS);
          child.once("exit", (childCode, signal) => {
            clearTimeout(timer);
            if (childCode !== 0) exitCode = 1;
            if (killed) say("error", `${child.cto} did not stop within ${STOP_GRACE_MS} ms (STOP_GRACE_MS): killed`);
            else if (signal) say("warn", `${child.cto} ended by ${signal} before it could drain (still starting)`);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
  say("info", "stopped");
  process.exit(exitCode);
};

for (const [app, spec] of Object.entries(APPS)) {
  const [command, ...args] = spec.start;
  // Process groups of their own: a terminal's Ctrl-C reaches only this script, which sends each app one SIGTERM.
  const child = spawn(command === "node" ? process.execPath : command, args, {
    cwd: path.join(dir, app),
    env,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  child.cto = app;
  child.on("exit", (code, signal) => {
    if (stopping) return;
    say("error", `${app} exited (${signal ?? `code ${code}`}); stopping the others`);
    void stop(1);
  });
  children.set(app, child);
}
say("info", `started ${[...children.keys()].join(", ")} from ${dir}`);
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

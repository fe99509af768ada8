#!/usr/bin/env node
// The README's two commands: `npm start` and `npm test`. Plain Node (no dependencies), because it runs
// before anything is installed: it brings pnpm, installs the workspace, generates the Prisma client when
// its inputs changed, then hands over to the TypeScript entry points in tooling/scripts.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";

import { collectFailures } from "./failure-digest.mjs";
import { ensureGenerated, generateLayout } from "./prisma-generate.mjs";

const PNPM = "pnpm@10.34.8";
const root = path.resolve(import.meta.dirname, "..", "..");
const command = process.argv[2] ?? "start";

// The start script's own line format, before pino-pretty is installed: JSON in production, else
// "cto    │ [time] LEVEL: message" like every other process's lines under `npm start`.
const production = process.env.NODE_ENV === "production";
const say = (level, message) => {
  const time = new Date();
  if (production)
    return console.log(
      JSON.stringify({ level: level === "error" ? 50 : 30, time: time.getTime(), name: "cto", msg: message }),
    );
  console.log(`cto    │ [${time.toTimeString().slice(0, 8)}] ${level.toUpperCase()}: ${message}`);
};
const fail = (message) => {
  say("error", message);
  process.exit(1);
};

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19))
  fail(`Node.js 20.19 or newer is needed; this is ${process.versions.node}.`);

const run = (cmd, args, options = {}) => {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) fail(`could not run ${cmd}: ${result.error.message}`);
  return result.status ?? 1;
};

// pnpm itself comes from the npm registry through npx, pinned, so a machine with only Node.js works.
const pnpm = (args, options) => run("npx", ["--yes", PNPM, ...args], options);

// Lines pnpm prints when it had nothing to do; anything else (progress on a fresh clone, warnings) shows.
const NOTHING_TO_SAY = [
  /^Scope: all \d+ workspace projects$/,
  /^Lockfile is up to date/,
  /^Already up to date$/,
  /^Done in [\d.]+m?s/,
  /^$/,
];

const install = () =>
  new Promise((resolve) => {
    const frozen = process.env.CI ? ["--frozen-lockfile"] : ["--prefer-offline"];
    const child = spawn("npx", ["--yes", PNPM, "install", ...frozen, "--reporter=append-only"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const relay = (stream, target) => {
      let pending = "";
      stream.on("data", (chunk) => {
        const lines = (pending + chunk).split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines)
          if (!NOTHING_TO_SAY.some((pattern) => pattern.test(line.trim()))) target.write(`${line}\n`);
      });
      stream.on("end", () => pending && target.write(`${pending}\n`));
    };
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on("error", (error) => fail(`could not run npx: ${error.message}`));
    child.on("close", (code) => resolve(code ?? 1));
  });

const setup = async () => {
  const started = Date.now();
  if ((await install()) !== 0) fail("`pnpm install` failed; see above.");
  const layout = generateLayout(root);
  let result;
  try {
    result = ensureGenerated(layout, (reason) => {
      say("info", `generating the Prisma client and the Drizzle tables (${reason})…`);
      return pnpm([...layout.generators.flatMap((name) => ["--filter", name]), "run", "generate"]) === 0;
    });
  } catch {
    fail("`prisma generate` failed; see above.");
  }
  say(
    "info",
    `dependencies installed${result.generated ? ", Prisma client generated" : ", Prisma client up to date"} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
};

const scripts = path.join(root, "tooling", "scripts");

/**
 * Runs the start script in the foreground until it ends, with its exit code. Ctrl-C reaches it from
 * the terminal (same process group), so this process only waits for it to stop everything; a SIGTERM
 * sent to this process alone is passed on. tsx is loaded in-process (see start.ts for why not its CLI).
 */
const runStart = () =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(scripts, "start.ts")], {
      cwd: scripts,
      stdio: "inherit",
    });
    process.on("SIGINT", () => undefined);
    process.on("SIGTERM", () => child.kill("SIGTERM"));
    child.on("error", (error) => fail(`could not run the start script: ${error.message}`));
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

/** Runs turbo with its output passed through as it comes, keeping the lines that tell why something failed. */
const runTurbo = (args, failures) =>
  new Promise((resolve) => {
    const child = spawn("npx", ["--yes", PNPM, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    const keep = failures.read;
    const relay = (stream, target) => {
      let pending = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk) => {
        target.write(chunk);
        const lines = (pending + chunk).split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) keep(line);
      });
      stream.on("end", () => pending && keep(pending));
    };
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on("error", (error) => fail(`could not run npx: ${error.message}`));
    child.on("close", (code) => resolve(code ?? 1));
  });

function printFailures(failures) {
  if (failures.lines.length === 0) return;
  console.log("\nwhat failed (repeated from above)");
  for (const line of failures.lines) console.log(line);
  if (failures.truncated) console.log("… (more above)");
}

/** Run summaries kept in `.turbo/runs/`; older ones are removed after each test run. */
const KEPT_RUN_SUMMARIES = 10;

/**
 * The slowest tasks of the run just finished, from turbo's run summary: the whole run has a time budget
 * (CI), and this says at the end of every run where the time went.
 */
function printTaskTimes() {
  const runs = path.join(root, ".turbo", "runs");
  if (!existsSync(runs)) return;
  const summaries = readdirSync(runs)
    .filter((name) => name.endsWith(".json"))
    .map((name) => ({ name, modified: statSync(path.join(runs, name)).mtimeMs }))
    .sort((a, b) => b.modified - a.modified);
  // turbo writes a summary per run and never removes one: a developer's checkout keeps the last few.
  for (const { name } of summaries.slice(KEPT_RUN_SUMMARIES)) rmSync(path.join(runs, name), { force: true });
  const [latest] = summaries;
  if (!latest) return;
  const summary = JSON.parse(readFileSync(path.join(runs, latest.name), "utf8"));
  const seconds = ({ startTime, endTime }) => (endTime - startTime) / 1000;
  const tasks = summary.tasks
    .filter((task) => task.execution)
    .sort((a, b) => seconds(b.execution) - seconds(a.execution));
  const total = seconds(summary.execution);
  console.log(`\ntask times (the whole run: ${(total / 60).toFixed(1)} min, two tasks at a time)`);
  for (const task of tasks.slice(0, 15)) {
    const { exitCode } = task.execution;
    const minutes = (seconds(task.execution) / 60).toFixed(1).padStart(5);
    console.log(`${minutes} min  ${task.taskId}${exitCode === 0 ? "" : `  (exit ${exitCode})`}`);
  }
}

switch (command) {
  case "setup":
    await setup();
    break;
  case "start":
    await setup();
    if (!existsSync(path.join(scripts, "node_modules", "tsx"))) fail("tsx is missing after install.");
    process.exit(await runStart());
    break;
  case "test": {
    await setup();
    // Two packages at a time: much of a database or browser test is waiting on a server, so a second
    // package's tests or type check fill that time on two cores; files within a package still run one at a time.
    const failures = collectFailures();
    const status = await runTurbo(
      [
        "exec",
        "turbo",
        "run",
        "test",
        "typecheck",
        "lint",
        "--concurrency=2",
        "--continue",
        "--output-logs=full",
        "--summarize",
      ],
      failures,
    );
    printFailures(failures);
    printTaskTimes();
    process.exit(status);
    break;
  }
  default:
    fail(`unknown command "${command}"; use start, test or setup.`);
}

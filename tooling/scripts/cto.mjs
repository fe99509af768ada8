#!/usr/bin/env node
// The README's two commands: `npm start` and `npm test`. Plain Node (no dependencies), because it runs
// before anything is installed: it brings pnpm, installs the workspace, generates the Prisma client,
// then hands over to the TypeScript entry points in tooling/scripts.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const PNPM = "pnpm@10.34.8";
const root = path.resolve(import.meta.dirname, "..", "..");
const command = process.argv[2] ?? "start";

const fail = (message) => {
  console.error(`\ncto: ${message}`);
  process.exit(1);
};

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) fail(`Node.js 20.19 or newer is needed; this is ${process.versions.node}.`);

const run = (cmd, args, options = {}) => {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) fail(`could not run ${cmd}: ${result.error.message}`);
  return result.status ?? 1;
};

// pnpm itself comes from the npm registry through npx, pinned, so a machine with only Node.js works.
const pnpm = (args, options) => run("npx", ["--yes", PNPM, ...args], options);

const setup = () => {
  console.log("cto: installing dependencies (pnpm)…");
  const frozen = process.env.CI ? ["--frozen-lockfile"] : ["--prefer-offline"];
  if (pnpm(["install", ...frozen, "--reporter=append-only"]) !== 0) fail("`pnpm install` failed; see above.");
  console.log("cto: generating the Prisma client…");
  if (pnpm(["--filter", "@cto/db", "run", "generate"]) !== 0) fail("`prisma generate` failed; see above.");
};

const tsx = path.join(root, "tooling", "scripts", "node_modules", ".bin", "tsx");

switch (command) {
  case "setup":
    setup();
    break;
  case "start":
    setup();
    if (!existsSync(tsx)) fail("tsx is missing after install.");
    process.exit(run(tsx, [path.join(root, "tooling", "scripts", "start.ts")]));
    break;
  case "test":
    setup();
    process.exit(pnpm(["exec", "turbo", "run", "test", "typecheck", "--concurrency=1", "--continue", "--output-logs=full"]));
    break;
  default:
    fail(`unknown command "${command}"; use start, test or setup.`);
}

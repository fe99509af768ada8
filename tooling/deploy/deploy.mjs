#!/usr/bin/env node
// `node tooling/deploy/deploy.mjs <api|worker|web> <folder> [--no-build]`: one app as it runs in
// production, in a folder of its own: its build and only its production dependencies, the workspace's
// packages resolved to their builds. The Dockerfile runs exactly this; so do `pnpm start:prod` and the
// production smoke test, so what they prove is what the images run.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

import { isTestHelper, publishedExports } from "@cto/packaging/build";

import { APPS, ROOT } from "./apps.mjs";

/** How this machine runs pnpm: the one running this script, else the one on PATH, else the pinned one through npx. */
const pnpmCommand = () => {
  const execpath = process.env.npm_execpath;
  if (execpath && /pnpm/.test(path.basename(execpath))) return [process.execPath, [execpath]];
  if (spawnSync("pnpm", ["--version"], { stdio: "ignore" }).status === 0) return ["pnpm", []];
  const { packageManager } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
  return ["npx", ["--yes", packageManager]];
};

const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", ...options });
  if (result.status !== 0)
    throw new Error(
      `${[command, ...args].join(" ")} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`,
    );
};

/**
 * A workspace package's manifest as a deployment needs it: `exports` naming its built JavaScript, not its
 * TypeScript source. A published package's `publishConfig.exports` (what `pnpm pack` would write); for
 * a private one the same mapping without declarations or test helpers (tooling/packaging/build.js,
 * `runtimeOnly`).
 */
export const deployedManifest = (manifest) => {
  const runtimeExports = Object.fromEntries(
    Object.entries(manifest.exports ?? {}).filter(([, source]) => !isTestHelper(source)),
  );
  const exports =
    manifest.publishConfig?.exports ??
    Object.fromEntries(
      Object.entries(publishedExports(runtimeExports)).map(([subpath, { import: file }]) => [
        subpath,
        { import: file },
      ]),
    );
  const { devDependencies: _dev, scripts: _scripts, publishConfig: _publish, ...rest } = manifest;
  return { ...rest, exports };
};

/** The files an export names that are missing (a pattern's folder must exist). */
const missingTargets = (dir, exports) =>
  Object.values(exports)
    .flatMap((target) => Object.values(target))
    .map((file) => path.join(dir, file.includes("*") ? path.dirname(file) : file))
    .filter((file) => !existsSync(file));

/** Every copy of a workspace package in a deployment (pnpm injects them under node_modules/.pnpm). */
const workspaceCopies = (outDir) => {
  const store = path.join(outDir, "node_modules", ".pnpm");
  return readdirSync(store)
    .filter((entry) => entry.startsWith("@cto+"))
    .flatMap((entry) => {
      const scope = path.join(store, entry, "node_modules", "@cto");
      return readdirSync(scope)
        .map((name) => path.join(scope, name))
        .filter((dir) => !statSync(dir).isSymbolicLink() && entry.startsWith(`@cto+${path.basename(dir)}@`));
    });
};

const specOf = (app) => {
  const spec = APPS[app];
  if (!spec) throw new Error(`unknown app "${app}"; one of ${Object.keys(APPS).join(", ")}`);
  return spec;
};

/** Builds the apps and every workspace package they use, each by its own `build` (turbo's cache makes a second run free). */
export const buildApps = (apps) => {
  const [pnpm, pnpmArgs] = pnpmCommand();
  // turbo.json's globalEnv is part of every task's cache key, builds' included, though only tests read the
  // runtime settings there (NODE_ENV, DATABASE_URL, …): without them, as `pnpm build` and `npm test` run it
  // in a plain shell, so their builds are found again by a test runner (NODE_ENV=test) or a configured shell.
  const { globalEnv = [] } = JSON.parse(readFileSync(path.join(ROOT, "turbo.json"), "utf8"));
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name === "CI" || !globalEnv.includes(name)),
  );
  run(
    pnpm,
    [
      ...pnpmArgs,
      "exec",
      "turbo",
      "run",
      "build",
      ...apps.map((app) => `--filter=${specOf(app).package}`),
      "--output-logs=errors-only",
    ],
    { env },
  );
};

export const deploy = ({ app, outDir, build = true }) => {
  const spec = specOf(app);
  const [pnpm, pnpmArgs] = pnpmCommand();
  if (build) buildApps([app]);
  rmSync(outDir, { recursive: true, force: true });
  // Injected (copied, not linked) workspace packages, only the files their `files` lists: nothing points
  // back into the workspace. Only for this command: the workspace itself keeps its links.
  run(
    pnpm,
    [
      ...pnpmArgs,
      "--filter",
      spec.package,
      "deploy",
      "--prod",
      "--config.inject-workspace-packages=true",
      "--reporter=append-only",
      outDir,
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  for (const dir of workspaceCopies(outDir)) {
    const file = path.join(dir, "package.json");
    const manifest = deployedManifest(JSON.parse(readFileSync(file, "utf8")));
    const missing = missingTargets(dir, manifest.exports);
    if (missing.length)
      throw new Error(
        `${manifest.name} is not built: ${missing.map((entry) => path.relative(dir, entry)).join(", ")} missing (run pnpm build)`,
      );
    // pnpm hard-links the copy's files to the workspace's: the manifest is replaced, never written in place.
    writeFileSync(`${file}.deploy`, `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(`${file}.deploy`, file);
  }
  const start = path.join(outDir, spec.start.at(-1));
  if (!existsSync(start)) throw new Error(`${spec.package} is not built: ${path.relative(outDir, start)} missing`);
  return outDir;
};

if (process.argv[1] === import.meta.filename) {
  const [app, outDir] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  if (!app || !outDir) {
    console.error("usage: node tooling/deploy/deploy.mjs <api|worker|web> <folder> [--no-build]");
    process.exit(2);
  }
  try {
    deploy({ app, outDir: path.resolve(outDir), build: !process.argv.includes("--no-build") });
    console.log(`${APPS[app].package} deployed to ${path.resolve(outDir)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

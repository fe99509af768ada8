import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import type { TestProject } from "vitest/node";

import { WEB_ROOT } from "./stack.ts";
import { createEmbeddedTemplate } from "./targets.ts";

// One build per run, however many e2e projects run (each project runs its global setups).
const built = globalThis as { ctoWebE2eBuild?: Promise<string> };
const VITE_BIN = path.join(path.dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin", "vite.js");

/**
 * Builds the web app once per run into a folder of its own (every e2e file serves it with `vite
 * preview`): a build in `dist/` by another run, or by a developer, would swap the chunks under a
 * running test's pages. The build runs as `vite build` does for a user, in a process of its own: this
 * one has loaded the Prisma client, which sets a global `__dirname` that plugins resolving their own
 * files by it (vite-plugin-pwa) would follow into packages/db.
 */
const buildOnce = () =>
  (built.ctoWebE2eBuild ??= (async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), "cto-web-e2e-dist-"));
    await promisify(execFile)(
      process.execPath,
      [VITE_BIN, "build", "--mode", "production", "--logLevel", "warn", "--outDir", outDir, "--emptyOutDir"],
      // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build; test what ships.
      { cwd: WEB_ROOT, env: { ...process.env, NODE_ENV: "production" }, maxBuffer: 16 * 1024 * 1024 },
    );
    return outDir;
  })());

/** The build, and for the embedded project a migrated embedded database its files are copied from. */
export default async function setup(project: TestProject) {
  const embedded = project.getProvidedContext().ctoE2eTarget === "embedded";
  const [distDir, template] = await Promise.all([buildOnce(), embedded ? createEmbeddedTemplate() : null]);
  project.provide("ctoE2eDist", distDir);
  project.provide("ctoE2eEmbeddedTemplate", template?.folder ?? null);
  return async () => {
    await template?.remove();
    await rm(distDir, { recursive: true, force: true });
  };
}

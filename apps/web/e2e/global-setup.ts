import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { build } from "vite";
import type { TestProject } from "vitest/node";

import { WEB_ROOT } from "./stack.ts";
import { createEmbeddedTemplate } from "./targets.ts";

// One build per run, however many e2e projects run (each project runs its global setups).
const built = globalThis as { ctoWebE2eBuild?: Promise<string> };

/**
 * Builds the web app once per run into a folder of its own (every e2e file serves it with `vite
 * preview`): a build in `dist/` by another run, or by a developer, would swap the chunks under a
 * running test's pages.
 */
const buildOnce = () =>
  (built.ctoWebE2eBuild ??= (async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), "cto-web-e2e-dist-"));
    // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build; test what ships.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await build({ root: WEB_ROOT, mode: "production", logLevel: "warn", build: { outDir, emptyOutDir: true } });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
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

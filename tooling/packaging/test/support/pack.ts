import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { pnpm } from "./commands.ts";
import { OUT_DIR } from "../../build.js";
import { packageDir, PUBLISHED_PACKAGES } from "./published-packages.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Package name → the tarball `pnpm pack` made of it, as `pnpm publish` would upload it. */
    tarballs: Record<string, string>;
  }
}

/**
 * Vitest global setup: packs each published package once, from its build, with the pnpm the
 * repository pins (which applies `publishConfig`), for every test file to install or inspect.
 */
export default async function setup(project: TestProject) {
  for (const pkg of PUBLISHED_PACKAGES) {
    if (!existsSync(path.join(packageDir(pkg), OUT_DIR))) {
      throw new Error(
        `${pkg.name} is not built: run \`pnpm turbo run test --filter @cto/packaging\` (builds first) or \`pnpm --filter ${pkg.name} build\``,
      );
    }
  }
  const destination = mkdtempSync(path.join(os.tmpdir(), "cto-tarballs-"));
  const tarballs: Record<string, string> = {};
  for (const pkg of PUBLISHED_PACKAGES) {
    const before = new Set(readdirSync(destination));
    await pnpm(["pack", "--pack-destination", destination], { cwd: packageDir(pkg) });
    const made = readdirSync(destination).filter((file) => !before.has(file));
    if (made.length !== 1) throw new Error(`pnpm pack of ${pkg.name} made ${made.length} files`);
    tarballs[pkg.name] = path.join(destination, made[0]!);
  }
  project.provide("tarballs", tarballs);
  return () => rmSync(destination, { recursive: true, force: true });
}

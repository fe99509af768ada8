// Plain JavaScript: tsdown loads each package's tsdown.config.ts with Node, which cannot import
// TypeScript from a workspace package.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { defineConfig } from "tsdown";

export const SOURCE_DIR = "src";
export const OUT_DIR = "dist";

const SOURCE_TARGET = /^\.\/src\/(.+)\.ts$/;

const stars = (text) => (text.match(/\*/g) ?? []).length;

/** The path under `src/` (no extension) an export names; anything but one TypeScript file there is refused. */
const sourceStem = (subpath, target) => {
  const stem = typeof target === "string" ? SOURCE_TARGET.exec(target)?.[1] : undefined;
  if (stem === undefined) {
    throw new Error(
      `exports["${subpath}"] must name one TypeScript file under ./src (like "./src/name.ts"), not ${JSON.stringify(target)}`,
    );
  }
  if (stars(stem) !== stars(subpath) || stars(stem) > 1) {
    throw new Error(`exports["${subpath}"]: a pattern takes one "*" on each side, like "./api/*": "./src/api/*.ts"`);
  }
  return stem;
};

/** A module only tests import (`./testing` exports): it may use the package's devDependencies. */
export const isTestHelper = (file) => /\.test-helper\.ts$/.test(file);

/** Whether a file a pattern matches is a module others may import (tests and their helpers are not). */
const isModule = (file) => file.endsWith(".ts") && !file.endsWith(".d.ts") && !/\.test(-helper)?\.ts$/.test(file);

/** The files a pattern such as `api/*` matches under `src/`, in one folder as Node.js matches it. */
const expandPattern = (packageDir, stem) => {
  const folder = path.posix.dirname(stem);
  const [prefix = "", suffix = ""] = path.posix.basename(stem).split("*");
  return readdirSync(path.join(packageDir, SOURCE_DIR, folder))
    .filter((file) => isModule(file) && file.startsWith(prefix) && file.endsWith(`${suffix}.ts`))
    .map((file) => path.posix.join(folder, file.slice(0, -".ts".length)))
    .sort();
};

/** What the build compiles: output name (its path under `dist/`, no extension) → source file. */
export const buildEntries = (packageDir, exports) => {
  const entries = {};
  for (const [subpath, target] of Object.entries(exports)) {
    const stem = sourceStem(subpath, target);
    for (const name of stem.includes("*") ? expandPattern(packageDir, stem) : [stem])
      entries[name] = `./${SOURCE_DIR}/${name}.ts`;
  }
  return entries;
};

/** The `exports` a package publishes: for each source export, its built JavaScript and declarations. */
export const publishedExports = (exports) =>
  Object.fromEntries(
    Object.entries(exports).map(([subpath, target]) => {
      const stem = sourceStem(subpath, target);
      return [subpath, { types: `./${OUT_DIR}/${stem}.d.ts`, import: `./${OUT_DIR}/${stem}.js` }];
    }),
  );

const readManifest = (packageDir) => JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8"));

/**
 * The one build of Cto's published packages: every export of package.json compiled to ESM with its
 * type declarations, one output file per source module (`src/a/b.ts` → `dist/a/b.js` and
 * `dist/a/b.d.ts`), so code that finds files beside itself (`import.meta.dirname`) finds them in
 * `dist/` as in `src/`. Dependencies stay imports; a module from node_modules that package.json does
 * not declare fails the build instead of being copied in. `runtimeOnly` for the private packages built
 * only for the apps' production start (tooling/deploy): no declarations and no test helpers (whose
 * devDependencies a deployment does not have).
 */
export const libraryBuild = ({ packageDir, extraEntries = [], copy, runtimeOnly = false }) => {
  const extra = Object.fromEntries(
    extraEntries.map((file) => [
      path.posix.relative(SOURCE_DIR, path.posix.normalize(file)).replace(/\.ts$/, ""),
      `./${path.posix.normalize(file)}`,
    ]),
  );
  return defineConfig({
    cwd: packageDir,
    entry: Object.fromEntries(
      Object.entries({ ...buildEntries(packageDir, readManifest(packageDir).exports), ...extra }).filter(
        ([, source]) => !(runtimeOnly && isTestHelper(source)),
      ),
    ),
    root: SOURCE_DIR,
    unbundle: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    fixedExtension: false,
    dts: !runtimeOnly,
    outDir: OUT_DIR,
    clean: true,
    deps: { onlyBundle: [] },
    report: false,
    ...(copy ? { copy } : {}),
  });
};

/**
 * An app's production build (the API, the worker, the web app's server): its entry points bundled with
 * its own modules into `dist/`, to run with plain `node`. Its dependencies stay imports, the
 * workspace's (built by their own libraryBuild, resolved to their `dist/` in a deployment, see
 * tooling/deploy) and npm's alike; an npm package package.json does not declare as a dependency fails
 * the build. A workspace package among its devDependencies (the web app's @cto/contracts, which its
 * server uses for one small module) is bundled in, so a deployment does not carry it.
 */
export const appBuild = ({ packageDir, entry, outDir = OUT_DIR }) =>
  defineConfig({
    cwd: packageDir,
    entry,
    format: "esm",
    platform: "node",
    target: "node20.19",
    fixedExtension: false,
    sourcemap: true,
    dts: false,
    outDir,
    clean: true,
    deps: { onlyBundle: [] },
    report: false,
  });

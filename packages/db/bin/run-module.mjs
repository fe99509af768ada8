import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Runs one of the package's modules: in the workspace, where `src/` is, its TypeScript source
 * through tsx; in the published package, which ships no source, its build in `dist/`.
 */
export const runModule = async (name) => {
  const source = new URL(`../src/${name}.ts`, import.meta.url);
  if (existsSync(fileURLToPath(source))) {
    const { register } = await import("tsx/esm/api");
    register();
    return import(source.href);
  }
  return import(new URL(`../dist/${name}.js`, import.meta.url).href);
};

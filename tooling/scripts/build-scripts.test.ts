import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const store = path.join(root, "node_modules", ".pnpm");

/** The names under a top-level list of pnpm-workspace.yaml (`key:` then `  - name` lines, comments allowed). */
const workspaceList = (key: string) => {
  const lines = readFileSync(path.join(root, "pnpm-workspace.yaml"), "utf8").split("\n");
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (start === -1) return [];
  if (/\[\s*\]/.test(lines[start]!)) return [];
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const match = line.match(/^\s+-\s+"?([^"\s#]+)"?/);
    if (match) names.push(match[1]!);
  }
  return names;
};

/** Installed packages that want to run something at install: an install script or a native addon to build. */
const packagesWithBuildScripts = () => {
  const found = new Set<string>();
  for (const entry of readdirSync(store)) {
    const modules = path.join(store, entry, "node_modules");
    if (!existsSync(modules)) continue;
    for (const name of readdirSync(modules)) {
      const dirs = name.startsWith("@")
        ? readdirSync(path.join(modules, name)).map((sub) => path.join(modules, name, sub))
        : [path.join(modules, name)];
      for (const dir of dirs) {
        const manifest = path.join(dir, "package.json");
        if (!existsSync(manifest)) continue;
        const { name: packageName, scripts = {} } = JSON.parse(readFileSync(manifest, "utf8")) as {
          name: string;
          scripts?: Record<string, string>;
        };
        if (
          ["preinstall", "install", "postinstall"].some((hook) => scripts[hook]) ||
          existsSync(path.join(dir, "binding.gyp"))
        )
          found.add(packageName);
      }
    }
  }
  return found;
};

describe("dependency build scripts", () => {
  it("are each decided in pnpm-workspace.yaml, so pnpm never prints its 'Ignored build scripts' box", () => {
    const decided = new Set([...workspaceList("onlyBuiltDependencies"), ...workspaceList("ignoredBuiltDependencies")]);
    expect([...packagesWithBuildScripts()].filter((name) => !decided.has(name)).sort()).toEqual([]);
  });

  it("run for none of them: each one listed is ignored, and the list names only packages that exist", () => {
    expect(workspaceList("onlyBuiltDependencies")).toEqual([]);
    const wanting = packagesWithBuildScripts();
    expect(workspaceList("ignoredBuiltDependencies").filter((name) => !wanting.has(name))).toEqual([]);
  });
});

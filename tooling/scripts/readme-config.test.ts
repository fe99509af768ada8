import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");

// Where running code reads its settings: the apps' and packages' sources, their command-line entry
// points, the web app's Vite config and these scripts. Tests, benchmarks and e2e helpers are not
// configuration a user sets.
const SOURCES = [
  "apps/api/src",
  "apps/worker/src",
  "apps/web/src",
  "apps/web/server",
  "apps/web/vite.config.ts",
  "packages",
  "tooling/scripts",
  "tooling/deploy",
];
const SKIP_DIR = new Set(["node_modules", "test", "tests", "bench", "e2e", "generated", "dist", ".exp"]);
const SKIP_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;
// Set by the operating system or the package manager (INIT_CWD: the folder pnpm was started in), not by a Cto user.
const NOT_SETTINGS = new Set(["PATH", "INIT_CWD"]);

const files = (entry: string): string[] => {
  const full = path.join(root, entry);
  if (!statSync(full, { throwIfNoEntry: false })) return [];
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { withFileTypes: true }).flatMap((child) => {
    if (child.isDirectory()) return SKIP_DIR.has(child.name) ? [] : files(path.join(entry, child.name));
    return /\.(ts|tsx|mjs|js)$/.test(child.name) && !SKIP_FILE.test(child.name) ? [path.join(full, child.name)] : [];
  });
};

const READS = [
  /process\.env\.([A-Z][A-Z0-9_]+)/g,
  /process\.env\[["']([A-Z][A-Z0-9_]+)["']\]/g,
  /\benv\.([A-Z][A-Z0-9_]+)\b/g,
  // Keys of the zod schemas that parse the environment (apps' env.ts, packages' config parsers).
  /^\s+([A-Z][A-Z0-9_]{2,}):\s*(?:z\.|optionalText|Z[A-Za-z]+Schema)/gm,
];

const variablesRead = () => {
  const found = new Map<string, string>();
  for (const file of SOURCES.flatMap(files)) {
    const text = readFileSync(file, "utf8");
    for (const pattern of READS)
      for (const match of text.matchAll(pattern))
        if (!found.has(match[1]!)) found.set(match[1]!, path.relative(root, file));
  }
  for (const name of NOT_SETTINGS) found.delete(name);
  return found;
};

const configurationTable = () => {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.slice(
    readme.indexOf("## Configuration"),
    readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1),
  );
  const documented = new Set<string>();
  for (const row of section.split("\n").filter((line) => line.startsWith("| `"))) {
    const firstCell = row.split("|")[1]!;
    for (const match of firstCell.matchAll(/`([A-Z][A-Z0-9_]+)(\*)?`/g))
      documented.add(match[2] ? `${match[1]}*` : match[1]!);
  }
  return documented;
};

describe("the README's configuration table", () => {
  it("names every environment variable the code reads", () => {
    const documented = configurationTable();
    const covered = (name: string) =>
      documented.has(name) ||
      [...documented].some((entry) => entry.endsWith("*") && name.startsWith(entry.slice(0, -1)));
    const missing = [...variablesRead()]
      .filter(([name]) => !covered(name))
      .map(([name, file]) => `${name} (read in ${file})`);
    expect(missing).toEqual([]);
  });

  it("finds the variables it is meant to find (the scan itself works)", () => {
    const read = variablesRead();
    for (const name of [
      "DATABASE_URL",
      "EMBEDDED_DB_PORT",
      "REDIS_URL",
      "LOG_LEVEL",
      "WORKER_CONCURRENCY",
      "AI_CHAT_MODEL",
      "S3_BUCKET",
      "CTO_ENCRYPTION_KEY",
      "CTO_API_ORIGIN",
    ])
      expect(read.has(name), name).toBe(true);
  });
});

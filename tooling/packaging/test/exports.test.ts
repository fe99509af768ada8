import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { buildEntries, publishedExports } from "../build.js";
import { packageDir, PUBLISHED_PACKAGES, readManifest } from "./support/published-packages.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "cto-exports-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const fakePackage = (files: string[]) => {
  const dir = mkdtempSync(path.join(scratch, "pkg-"));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), "export {};\n");
  }
  return dir;
};

describe("entries derived from exports", () => {
  it("builds each export's source to the same path under dist/", () => {
    const dir = fakePackage(["src/client.ts", "src/embedded/paths.ts"]);
    expect(buildEntries(dir, { "./client": "./src/client.ts", "./paths": "./src/embedded/paths.ts" })).toEqual({
      client: "./src/client.ts",
      "embedded/paths": "./src/embedded/paths.ts",
    });
    expect(publishedExports({ "./client": "./src/client.ts", "./paths": "./src/embedded/paths.ts" })).toEqual({
      "./client": { types: "./dist/client.d.ts", import: "./dist/client.js" },
      "./paths": { types: "./dist/embedded/paths.d.ts", import: "./dist/embedded/paths.js" },
    });
  });

  it("expands a pattern to the modules it matches today, leaving tests, helpers and declarations out", () => {
    const dir = fakePackage([
      "src/api/goals.ts",
      "src/api/auth.ts",
      "src/api/goals.test.ts",
      "src/api/stand-in.test-helper.ts",
      "src/api/env.d.ts",
      "src/api/nested/deep.ts",
      "src/api/README.md",
    ]);
    expect(buildEntries(dir, { "./api/*": "./src/api/*.ts" })).toEqual({
      "api/auth": "./src/api/auth.ts",
      "api/goals": "./src/api/goals.ts",
    });
    expect(publishedExports({ "./api/*": "./src/api/*.ts" })).toEqual({
      "./api/*": { types: "./dist/api/*.d.ts", import: "./dist/api/*.js" },
    });
  });

  it("refuses exports it cannot build, naming the subpath", () => {
    const dir = fakePackage(["src/a.ts"]);
    expect(() => buildEntries(dir, { "./a": "./lib/a.js" })).toThrow(
      /exports\["\.\/a"\] must name one TypeScript file under \.\/src/,
    );
    expect(() => buildEntries(dir, { "./a": { types: "./a.d.ts", default: "./a.js" } as unknown as string })).toThrow(
      /exports\["\.\/a"\]/,
    );
    expect(() => buildEntries(dir, { ".": "./src/a.json" })).toThrow(/exports\["\."\]/);
    expect(() => buildEntries(dir, { "./api/*": "./src/api/index.ts" })).toThrow(/one "\*" on each side/);
    expect(() => buildEntries(dir, { "./*/*": "./src/*/*.ts" })).toThrow(/one "\*" on each side/);
  });
});

describe.each(PUBLISHED_PACKAGES)("$name's package.json", (pkg) => {
  const manifest = readManifest(packageDir(pkg));

  it("publishes exports derived from its source exports (else run `pnpm --filter @cto/packaging sync-exports`)", () => {
    expect(manifest.publishConfig?.exports).toEqual(publishedExports(manifest.exports));
  });

  it("names source files that exist, and patterns that match at least one", () => {
    const entries = buildEntries(packageDir(pkg), manifest.exports);
    for (const source of Object.values(entries))
      expect(existsSync(path.join(packageDir(pkg), source)), source).toBe(true);
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (!target.includes("*")) continue;
      const prefix = target.slice("./src/".length, target.indexOf("*"));
      expect(
        Object.keys(entries).some((name) => name.startsWith(prefix)),
        subpath,
      ).toBe(true);
    }
  });

  it("ships its build, not its source, and is public", () => {
    expect(manifest.private ?? false).toBe(false);
    expect(manifest.files).toContain("dist");
    expect(manifest.files).not.toContain("src");
  });

  it("depends on no workspace package that is not published", () => {
    const published = new Set<string>(PUBLISHED_PACKAGES.map((other) => other.name));
    const internal = Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies })
      .filter(([, spec]) => spec.startsWith("workspace:"))
      .map(([name]) => name);
    expect(internal.filter((name) => !published.has(name))).toEqual([]);
  });
});

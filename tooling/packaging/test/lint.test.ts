import { readFileSync, rmSync } from "node:fs";
import path from "node:path";

import { describe, expect, inject, it } from "vitest";

import { run } from "./support/commands.ts";
import { PUBLISHED_PACKAGES, type Manifest } from "./support/published-packages.ts";
import { exportedSubpaths, tarballFiles, unpack } from "./support/tarball.ts";

const IGNORED_RESOLUTIONS = new Set(["node10", "node16-cjs"]);

const bin = (name: string) => path.join(import.meta.dirname, "..", "node_modules", ".bin", name);

describe.each(PUBLISHED_PACKAGES)("$name's tarball", (pkg) => {
  const tarball = inject("tarballs")[pkg.name]!;

  it("holds only its build, its bins and its README (no source, tests or config)", async () => {
    const files = await tarballFiles(tarball);
    const stray = files.filter(
      (file) => !/^(dist\/|bin\/[\w-]+\.mjs$|package\.json$|README\.md$|CHANGELOG\.md$|prisma\.config\.ts$)/.test(file),
    );
    expect(stray).toEqual([]);
    expect(files.filter((file) => /\.test(-helper)?\.|^src\//.test(file) && !file.includes("test-helper"))).toEqual([]);
  });

  it("passes publint, warnings included", async () => {
    const result = await run(bin("publint"), ["run", tarball, "--strict"], { cwd: path.dirname(tarball) });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("All good!");
  });

  it("passes Are the Types Wrong for ESM consumers on every entry (node16 and bundler resolution)", async () => {
    const unpacked = await unpack(tarball);
    try {
      const manifest = JSON.parse(readFileSync(path.join(unpacked, "package.json"), "utf8")) as Manifest;
      const subpaths = exportedSubpaths(
        manifest.exports as unknown as Record<string, { import: string }>,
        await tarballFiles(tarball),
      );
      // attw finds plain subpaths itself but skips patterns: every subpath is named, so none is left out.
      const result = await run(
        bin("attw"),
        [tarball, "--profile", "esm-only", "--format", "json", "--entrypoints", ...subpaths],
        { cwd: path.dirname(tarball) },
      );
      const report = JSON.parse(result.stdout) as {
        analysis: { entrypoints: Record<string, unknown> };
        problems?: Record<string, { resolutionKind?: string }[]>;
      };
      // The esm-only profile: CommonJS require() and node10 (no `exports` support) are not targets.
      const problems = Object.values(report.problems ?? {})
        .flat()
        .filter((problem) => !IGNORED_RESOLUTIONS.has(problem.resolutionKind ?? ""));
      expect(problems).toEqual([]);
      expect(Object.keys(report.analysis.entrypoints).sort()).toEqual([...subpaths].sort());
      expect(result.code, result.stderr).toBe(0);
    } finally {
      rmSync(path.dirname(unpacked), { recursive: true, force: true });
    }
  });
});

import { copyFileSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { run, runOk } from "./support/commands.ts";
import { createScratchDatabase } from "./support/postgres.ts";
import {
  packageDir,
  PUBLISHED_PACKAGES,
  readManifest,
  REPO_ROOT,
  type Manifest,
} from "./support/published-packages.ts";
import { createScratchProject, outsideEnv } from "./support/scratch-project.ts";
import { exportedSubpaths } from "./support/tarball.ts";

const FIXTURES = path.join(import.meta.dirname, "..", "consumer");

const filesUnder = (dir: string, prefix = ""): string[] =>
  readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(dir, path.posix.join(prefix, entry.name)) : [path.posix.join(prefix, entry.name)],
  );

/** The workspace source file a published subpath is built from (`./api/goals` → `src/api/goals.ts`). */
const sourceOf = (manifest: Manifest, subpath: string) => {
  for (const [pattern, target] of Object.entries(manifest.exports)) {
    if (pattern === subpath) return target;
    const [before = "", after = ""] = pattern.split("*");
    if (pattern.includes("*") && subpath.startsWith(before) && subpath.endsWith(after)) {
      return target.replace("*", subpath.slice(before.length, subpath.length - after.length));
    }
  }
  throw new Error(`no source export matches ${subpath}`);
};

describe("the packed packages, installed in a plain Node.js project outside the workspace", () => {
  const tarballs = inject("tarballs");
  let project = "";

  beforeAll(async () => {
    const fromTarballs = Object.fromEntries(PUBLISHED_PACKAGES.map((pkg) => [pkg.name, `file:${tarballs[pkg.name]}`]));
    // Overrides too: a published package that names another by version must get it from the tarball.
    project = await createScratchProject({ dependencies: fromTarballs, overrides: fromTarballs });
    for (const file of ["use.ts", "tsconfig.json", "query.mjs"])
      copyFileSync(path.join(FIXTURES, file), path.join(project, file));
    copyFileSync(path.join(import.meta.dirname, "support", "imports.mjs"), path.join(project, "imports.mjs"));
  }, 900_000);

  afterAll(() => project && rmSync(project, { recursive: true, force: true }));

  it.each(PUBLISHED_PACKAGES)(
    "imports every entry of $name with plain Node.js, each exporting what its source exports",
    async (pkg) => {
      const installed = path.join(project, "node_modules", pkg.name);
      const manifest = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8")) as Manifest;
      const subpaths = exportedSubpaths(
        manifest.exports as unknown as Record<string, { import: string }>,
        filesUnder(installed),
      );
      expect(subpaths.length).toBeGreaterThanOrEqual(Object.keys(manifest.exports).length);

      const specifiers = subpaths.map((subpath) => `${pkg.name}${subpath.slice(1)}`);
      const { stdout } = await runOk(process.execPath, ["imports.mjs", ...specifiers], {
        cwd: project,
        env: outsideEnv(),
      });
      const results = JSON.parse(stdout) as Record<string, { names?: string[]; error?: string }>;

      const workspaceManifest = readManifest(packageDir(pkg));
      for (const subpath of subpaths) {
        const source = path.join(packageDir(pkg), sourceOf(workspaceManifest, subpath));
        const sourceNames = Object.keys((await import(source)) as object).sort();
        expect(results[`${pkg.name}${subpath.slice(1)}`], subpath).toEqual({ names: sourceNames });
      }
    },
  );

  it("type-checks a file that uses them, under moduleResolution NodeNext, their declarations included", async () => {
    // skipLibCheck is off, so the packages' own .d.ts files are checked too. Errors inside other
    // packages' declarations are theirs (drizzle-orm's name optional peers such as `gel`), and left out.
    const result = await run(
      path.join(project, "node_modules", ".bin", "tsc"),
      ["-p", "tsconfig.json", "--skipLibCheck", "false"],
      { cwd: project, env: outsideEnv() },
    );
    const errors = (result.stdout + result.stderr).split("\n").filter((line) => /^\S.*\(\d+,\d+\): error /.test(line));
    const ours = errors.filter((line) => line.startsWith("use.ts(") || line.includes("/node_modules/@cto/"));
    expect(ours).toEqual([]);
    expect(result.code === 0 || errors.length > 0, result.stdout + result.stderr).toBe(true);
  }, 600_000);

  it("runs @cto/db's migrations and queries PostgreSQL from the installed package (bins, schema, client, pgvector)", async (context) => {
    const database = await createScratchDatabase();
    if ("reason" in database) {
      if (process.env.CI)
        throw new Error(`CI runs the published-package test against PostgreSQL and cannot: ${database.reason}`);
      console.warn(`[cto] the published @cto/db's migrations are NOT tested: ${database.reason}`);
      return context.skip();
    }
    try {
      const env = outsideEnv({ DATABASE_URL: database.url, NO_COLOR: "1" });
      const cli = path.join(project, "node_modules", ".bin", "cto-prisma");
      const deploy = await runOk(cli, ["migrate", "deploy"], { cwd: project, env });
      expect(deploy.stdout).toContain("All migrations have been successfully applied.");
      const migrations = readdirSync(path.join(REPO_ROOT, "prisma", "migrations")).filter((name) => /^\d+_/.test(name));
      for (const migration of migrations) expect(deploy.stdout).toContain(migration);
      const status = await runOk(cli, ["migrate", "status"], { cwd: project, env });
      expect(status.stdout).toContain("Database schema is up to date!");

      const { stdout } = await runOk(process.execPath, ["query.mjs"], { cwd: project, env });
      // Its last line: Prisma logs the refused duplicate before it.
      const answer = JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as {
        goal: Record<string, unknown>;
        matches: boolean[];
        duplicate: unknown;
        role: string;
      };
      expect(answer.goal).toMatchObject({
        title: "Run a 10k by June",
        period: "monthly",
        status: "active",
        progress: 0,
      });
      expect(typeof answer.goal.createdAt).toBe("number");
      expect(answer.matches).toEqual([true]);
      expect(answer.duplicate).toBe("conflict");
      expect(answer.role).toBe("cto_app");
    } finally {
      await database.drop();
    }
  });
});

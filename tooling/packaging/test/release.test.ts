import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { PNPM_VERSION, run, runOk } from "./support/commands.ts";
import { PUBLISHED_PACKAGES, readManifest, REPO_ROOT, type Manifest } from "./support/published-packages.ts";
import { startLocalRegistry, type LocalRegistry } from "./support/registry.ts";
import { createScratchProject, outsideEnv } from "./support/scratch-project.ts";
import { tarballFiles } from "./support/tarball.ts";

const CHANGESET = path.join(import.meta.dirname, "..", "node_modules", ".bin", "changeset");
const WORKSPACE_GLOBS = ["apps", "packages", "tooling"];

/**
 * A copy of the workspace as a release sees it: the root manifest, the changesets, every package's
 * manifest (so `workspace:` ranges resolve) and the published packages' built files. `changeset
 * version` rewrites manifests, so it runs here and never on the working tree.
 */
const copyReleaseWorkspace = (target: string) => {
  for (const file of ["package.json", "pnpm-workspace.yaml", ".changeset"])
    cpSync(path.join(REPO_ROOT, file), path.join(target, file), { recursive: true });
  const dirs = new Map<string, string>();
  for (const group of WORKSPACE_GLOBS) {
    for (const name of readdirSync(path.join(REPO_ROOT, group))) {
      const from = path.join(REPO_ROOT, group, name);
      if (!existsSync(path.join(from, "package.json"))) continue;
      mkdirSync(path.join(target, group, name), { recursive: true });
      copyFileSync(path.join(from, "package.json"), path.join(target, group, name, "package.json"));
      dirs.set(readManifest(from).name, path.join(target, group, name));
    }
  }
  for (const pkg of PUBLISHED_PACKAGES) {
    const from = path.join(REPO_ROOT, pkg.dir);
    const manifest = readManifest(from) as Manifest & { devDependencies?: Record<string, string> };
    for (const entry of [...(manifest.files ?? []), "README.md", "CHANGELOG.md"]) {
      if (existsSync(path.join(from, entry)))
        cpSync(path.join(from, entry), path.join(target, pkg.dir, entry), { recursive: true });
    }
    // pnpm publish reads a `workspace:` dependency's version from its link in node_modules, as an install makes it.
    const all = { ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies };
    for (const [name, spec] of Object.entries(all)) {
      if (!spec.startsWith("workspace:")) continue;
      const link = path.join(target, pkg.dir, "node_modules", name);
      mkdirSync(path.dirname(link), { recursive: true });
      symlinkSync(dirs.get(name)!, link);
    }
  }
};

type Packument = {
  versions: Record<string, Manifest & { dist: { tarball: string } }>;
  "dist-tags": Record<string, string>;
};

describe("a release: changeset version, then changeset publish to a registry", () => {
  const tarballs = inject("tarballs");
  const scratch = mkdtempSync(path.join(os.tmpdir(), "cto-release-"));
  const workspace = path.join(scratch, "workspace");
  let registry: LocalRegistry;
  let publishEnv: NodeJS.ProcessEnv;
  const versions: Record<string, string> = {};

  beforeAll(async () => {
    registry = await startLocalRegistry(path.join(scratch, "registry"));
    copyReleaseWorkspace(workspace);
    // changesets runs `pnpm publish` by name: the pinned pnpm, found once through npx (which, run with
    // the local registry configured, would look for pnpm itself there).
    const { stdout: pnpmBin } = await runOk("npx", ["--yes", "-p", `pnpm@${PNPM_VERSION}`, "which", "pnpm"], {
      cwd: scratch,
      env: outsideEnv(),
    });
    const shims = path.join(scratch, "bin");
    mkdirSync(shims);
    writeFileSync(path.join(shims, "pnpm"), `#!/bin/sh\nexec ${JSON.stringify(realpathSync(pnpmBin.trim()))} "$@"\n`);
    chmodSync(path.join(shims, "pnpm"), 0o755);
    const npmrc = path.join(scratch, "npmrc");
    writeFileSync(npmrc, `registry=${registry.url}\n//${new URL(registry.url).host}/:_authToken=${registry.token}\n`);
    publishEnv = outsideEnv({
      PATH: `${shims}${path.delimiter}${process.env.PATH}`,
      npm_config_registry: registry.url,
      npm_config_userconfig: npmrc,
      COREPACK_INTEGRITY_KEYS: "0",
      NO_COLOR: "1",
    });
    // Nothing of this test may ever reach the public registry.
    for (const tool of ["npm", "pnpm"]) {
      const { stdout } = await runOk(tool, ["config", "get", "registry"], { cwd: workspace, env: publishEnv });
      expect(stdout.trim(), tool).toBe(registry.url);
    }
  }, 300_000);

  afterAll(async () => {
    await registry?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("versions the published packages from the pending changesets", async () => {
    const before = Object.fromEntries(
      PUBLISHED_PACKAGES.map((pkg) => [pkg.name, readManifest(path.join(workspace, pkg.dir)).version]),
    );
    await runOk(CHANGESET, ["version"], { cwd: workspace, env: publishEnv });
    for (const pkg of PUBLISHED_PACKAGES) {
      const manifest = readManifest(path.join(workspace, pkg.dir));
      versions[pkg.name] = manifest.version;
      expect(manifest.version, pkg.name).not.toBe(before[pkg.name]);
      expect(readFileSync(path.join(workspace, pkg.dir, "CHANGELOG.md"), "utf8")).toContain(`## ${manifest.version}`);
    }
  });

  it("publishes each of them, once, with its build and real dependency versions", async () => {
    const result = await runOk(CHANGESET, ["publish", "--no-git-tag"], {
      cwd: workspace,
      env: publishEnv,
      timeoutMs: 600_000,
    });
    const output = result.stdout + result.stderr;
    for (const pkg of PUBLISHED_PACKAGES) expect(output).toContain(`${pkg.name}@${versions[pkg.name]}`);
    expect(output).not.toMatch(/@cto\/(api|web|worker|log|queue|storage|telegram|mail|packaging|scripts)/);

    for (const pkg of PUBLISHED_PACKAGES) {
      const response = await fetch(`${registry.url}${pkg.name.replace("/", "%2f")}`);
      expect(response.status, pkg.name).toBe(200);
      const packument = (await response.json()) as Packument;
      expect(Object.keys(packument.versions)).toEqual([versions[pkg.name]]);
      expect(packument["dist-tags"].latest).toBe(versions[pkg.name]);
      const published = packument.versions[versions[pkg.name]!]!;
      expect(JSON.stringify(published.dependencies ?? {})).not.toMatch(/workspace:|catalog:/);
      expect(published.exports).toEqual(readManifest(path.join(REPO_ROOT, pkg.dir)).publishConfig?.exports);

      // The uploaded tarball holds what the tested one does (plus the changelog the version step wrote).
      const tarball = path.join(scratch, `${pkg.name.replace("/", "-")}.tgz`);
      writeFileSync(tarball, Buffer.from(await (await fetch(published.dist.tarball)).arrayBuffer()));
      const uploaded = (await tarballFiles(tarball)).filter((file) => file !== "CHANGELOG.md").sort();
      expect(uploaded).toEqual((await tarballFiles(tarballs[pkg.name]!)).sort());
    }
    // A workspace dependency is published as the version released beside it. No published package needs another
    // at run time; @cto/contracts generates its tables with @cto/db's offline Prisma CLI, a dev dependency.
    const contracts = readManifest(path.join(workspace, "packages/contracts"));
    expect(contracts.devDependencies?.["@cto/db"]).toBe("workspace:*");
    const publishedContracts = ((await (await fetch(`${registry.url}@cto%2fcontracts`)).json()) as Packument).versions[
      versions["@cto/contracts"]!
    ]!;
    expect(publishedContracts.devDependencies?.["@cto/db"]).toBe(versions["@cto/db"]);
  });

  it("publishes nothing the second time", async () => {
    const result = await run(CHANGESET, ["publish", "--no-git-tag"], {
      cwd: workspace,
      env: publishEnv,
      timeoutMs: 300_000,
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toContain("No unpublished projects to publish");
  });

  it("installs from that registry into a new project, where the packages import and the CLI runs", async () => {
    const project = await createScratchProject({
      dependencies: Object.fromEntries(PUBLISHED_PACKAGES.map((pkg) => [pkg.name, versions[pkg.name]!])),
      npmrc: `@cto:registry=${registry.url}\n`,
    });
    try {
      copyFileSync(path.join(import.meta.dirname, "support", "imports.mjs"), path.join(project, "imports.mjs"));
      const specifiers = ["@cto/contracts/api/goals", "@cto/ai/create-provider", "@cto/db/client"];
      const { stdout } = await runOk(process.execPath, ["imports.mjs", ...specifiers], {
        cwd: project,
        env: outsideEnv(),
      });
      const results = JSON.parse(stdout) as Record<string, { names?: string[]; error?: string }>;
      expect(results["@cto/contracts/api/goals"]?.names).toContain("ZCreateGoalSchema");
      expect(results["@cto/ai/create-provider"]?.names).toContain("createAiProvider");
      expect(results["@cto/db/client"]?.names).toContain("createDb");
      const validate = await runOk(path.join(project, "node_modules", ".bin", "cto-prisma"), ["validate"], {
        cwd: project,
        env: outsideEnv({ NO_COLOR: "1" }),
      });
      expect(validate.stdout).toMatch(/is valid|are valid/);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 900_000);
});

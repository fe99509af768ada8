import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { ensureGenerated, GENERATOR_PACKAGES, generateLayout } from "./prisma-generate.mjs";

const repoRoot = path.resolve(import.meta.dirname, "..", "..");

/** A repository skeleton with the files generate reads; `generate` below writes its outputs. */
const makeRoot = async () => {
  const root = await mkdtemp(path.join(tmpdir(), "cto-generate-"));
  const layout = generateLayout(root);
  await mkdir(layout.schemaDir, { recursive: true });
  await writeFile(
    path.join(layout.schemaDir, "schema.prisma"),
    'generator client {\n  provider = "prisma-client"\n}\n',
  );
  await writeFile(path.join(layout.schemaDir, "identity.prisma"), "model User {\n  id String @id\n}\n");
  await mkdir(path.dirname(layout.config), { recursive: true });
  await writeFile(layout.config, "export default {};\n");
  for (const name of GENERATOR_PACKAGES) await setVersion(layout.packagesFrom[name]!, name, "7.10.1");
  return { root, layout };
};

const setVersion = async (packagesFrom: string, name: string, version: string) => {
  await mkdir(path.join(packagesFrom, name), { recursive: true });
  await writeFile(path.join(packagesFrom, name, "package.json"), JSON.stringify({ name, version }));
};

describe("prisma generate only when its inputs changed", () => {
  let root: string;
  let layout: ReturnType<typeof generateLayout>;
  let runs: string[];
  // Stands in for `prisma generate`; the outputs exist from the start unless a test removes one.
  const generate = (reason: string) => {
    runs.push(reason);
    return true;
  };

  beforeEach(async () => {
    ({ root, layout } = await makeRoot());
    runs = [];
    for (const file of layout.outputs) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, "// generated\n");
    }
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("generates on the first run, then skips while nothing changed", () => {
    expect(ensureGenerated(layout, generate)).toEqual({ generated: true, reason: "no record of the last generate" });
    expect(existsSync(layout.stamp)).toBe(true);
    expect(ensureGenerated(layout, generate)).toEqual({ generated: false, reason: "unchanged" });
    expect(ensureGenerated(layout, generate)).toEqual({ generated: false, reason: "unchanged" });
    expect(runs).toHaveLength(1);
  });

  it("generates again when a schema file changes, is added or is removed", async () => {
    ensureGenerated(layout, generate);
    await writeFile(
      path.join(layout.schemaDir, "identity.prisma"),
      "model User {\n  id String @id\n  name String?\n}\n",
    );
    expect(ensureGenerated(layout, generate).generated).toBe(true);
    await writeFile(path.join(layout.schemaDir, "community.prisma"), "model Post {\n  id String @id\n}\n");
    expect(ensureGenerated(layout, generate).generated).toBe(true);
    await unlink(path.join(layout.schemaDir, "community.prisma"));
    expect(ensureGenerated(layout, generate).generated).toBe(true);
    // Renaming a file keeps every byte but is still a different schema directory.
    await writeFile(
      path.join(layout.schemaDir, "users.prisma"),
      await readFile(path.join(layout.schemaDir, "identity.prisma")),
    );
    await unlink(path.join(layout.schemaDir, "identity.prisma"));
    expect(ensureGenerated(layout, generate).generated).toBe(true);
    expect(ensureGenerated(layout, generate).generated).toBe(false);
    expect(runs).toHaveLength(5);
  });

  it("ignores files that are not schema files", async () => {
    ensureGenerated(layout, generate);
    await writeFile(path.join(layout.schemaDir, "notes.md"), "not read by prisma\n");
    expect(ensureGenerated(layout, generate).generated).toBe(false);
  });

  it("generates again when the Prisma config or a generator's version changes", async () => {
    ensureGenerated(layout, generate);
    await writeFile(layout.config, "export default { schema: 'elsewhere' };\n");
    expect(ensureGenerated(layout, generate)).toEqual({
      generated: true,
      reason: "the schema, its config or a generator changed",
    });
    for (const name of GENERATOR_PACKAGES) {
      await setVersion(layout.packagesFrom[name]!, name, `8.0.0-${name}`);
      expect(ensureGenerated(layout, generate).generated).toBe(true);
    }
    expect(ensureGenerated(layout, generate).generated).toBe(false);
  });

  it("generates again when an output is missing (a fresh clone, or a deleted folder) even with a matching record", async () => {
    ensureGenerated(layout, generate);
    for (const file of layout.outputs) {
      await unlink(file);
      expect(ensureGenerated(layout, generate)).toEqual({ generated: true, reason: "its output is missing" });
      await writeFile(file, "// generated\n");
    }
  });

  it("records nothing after a failed generate, so the next start tries again", async () => {
    expect(() => ensureGenerated(layout, () => false)).toThrow(/prisma generate failed/);
    expect(existsSync(layout.stamp)).toBe(false);
    expect(() =>
      ensureGenerated(layout, () => {
        throw new Error("killed");
      }),
    ).toThrow(/killed/);
    expect(existsSync(layout.stamp)).toBe(false);
    expect(ensureGenerated(layout, generate).generated).toBe(true);
  });

  it("a corrupt record counts as no record", async () => {
    ensureGenerated(layout, generate);
    await writeFile(layout.stamp, "{ not json");
    expect(ensureGenerated(layout, generate)).toEqual({ generated: true, reason: "no record of the last generate" });
  });
});

describe("the layout matches this repository", () => {
  it("names the schema's generator outputs and files that exist", async () => {
    const layout = generateLayout(repoRoot);
    const schema = await readFile(path.join(layout.schemaDir, "schema.prisma"), "utf8");
    const outputs = [...schema.matchAll(/output\s*=\s*"([^"]+)"/g)].map((match) =>
      path.resolve(layout.schemaDir, match[1]!),
    );
    expect(outputs.sort()).toEqual(layout.outputs.map((file) => path.dirname(file)).sort());
    expect(existsSync(layout.config)).toBe(true);
    for (const name of GENERATOR_PACKAGES)
      expect(existsSync(path.join(layout.packagesFrom[name]!, name, "package.json"))).toBe(true);
  });
});

// `prisma generate` only when its result would differ: a hash of everything the generators read (the
// schema files, the Prisma config, the generators' versions) is kept beside the generated client, and a
// start whose hash matches, with both outputs present, skips the 7–8 s generate. Plain Node, because
// cto.mjs runs it before tsx can be used.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Packages whose version changes what `prisma generate` writes (the CLI, the client runtime, the drizzle generator). */
export const GENERATOR_PACKAGES = ["prisma", "@prisma/client", "drizzle-prisma-generator"];

// Each package generates its own code: @cto/db the Prisma client, @cto/contracts the Drizzle tables.
const INSTALLED_IN = { prisma: "db", "@prisma/client": "db", "drizzle-prisma-generator": "contracts" };

/** What generate reads and writes, relative to the repository root. */
export const generateLayout = (root) => ({
  schemaDir: path.join(root, "prisma", "schema"),
  config: path.join(root, "packages", "db", "prisma.config.ts"),
  /** The node_modules folder each generator package is read from: that of the package whose generate runs it. */
  packagesFrom: Object.fromEntries(
    GENERATOR_PACKAGES.map((name) => [name, path.join(root, "packages", INSTALLED_IN[name], "node_modules")]),
  ),
  /** The packages whose `generate` script writes the outputs, each into itself. */
  generators: ["@cto/db", "@cto/contracts"],
  outputs: [
    path.join(root, "packages", "db", "src", "generated", "prisma", "client.ts"),
    path.join(root, "packages", "contracts", "src", "generated", "drizzle", "schema.ts"),
  ],
  stamp: path.join(root, "packages", "db", "src", "generated", ".generate-inputs.json"),
});

const installedVersion = (packagesFrom, name) => {
  const file = path.join(packagesFrom, name, "package.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).version : "missing";
};

/** The hash of the generators' inputs: every schema file (name and content), the config, the versions. */
export const generateInputsHash = (layout) => {
  const hash = createHash("sha256");
  const schemaFiles = readdirSync(layout.schemaDir)
    .filter((name) => name.endsWith(".prisma"))
    .sort();
  for (const name of schemaFiles)
    hash
      .update(`schema/${name}\0`)
      .update(readFileSync(path.join(layout.schemaDir, name)))
      .update("\0");
  hash.update("config\0").update(readFileSync(layout.config)).update("\0");
  for (const name of GENERATOR_PACKAGES) hash.update(`${name}@${installedVersion(layout.packagesFrom[name], name)}\0`);
  return hash.digest("hex");
};

const readStamp = (file) => {
  try {
    return JSON.parse(readFileSync(file, "utf8")).hash ?? null;
  } catch {
    return null;
  }
};

/**
 * Runs `generate(reason)` (which must throw or return false on failure) unless the stamp matches the inputs and
 * every output exists; writes the stamp only after a generate that succeeded, so a failed or interrupted
 * one is retried next time. Returns what it did and why.
 */
export const ensureGenerated = (layout, generate) => {
  const hash = generateInputsHash(layout);
  const missing = layout.outputs.filter((file) => !existsSync(file));
  const stamped = readStamp(layout.stamp);
  if (!missing.length && stamped === hash) return { generated: false, reason: "unchanged" };
  const reason = missing.length
    ? "its output is missing"
    : stamped === null
      ? "no record of the last generate"
      : "the schema, its config or a generator changed";
  if (generate(reason) === false) throw new Error("prisma generate failed");
  mkdirSync(path.dirname(layout.stamp), { recursive: true });
  writeFileSync(layout.stamp, `${JSON.stringify({ hash, generatedAt: new Date().toISOString() }, null, 2)}\n`);
  return { generated: true, reason };
};

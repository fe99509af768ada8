import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { startEmbeddedDatabase } from "../embedded/server.ts";
import { findMigrationsDir } from "../migrations.ts";
import { runPrisma } from "./run-prisma.ts";

/**
 * A migrated embedded database, dumped once and loaded by every test that wants one. Replaying the
 * migrations through the Prisma CLI on PGlite takes 20–30 s on an idle two-core machine and minutes on a
 * loaded one, and dozens of test files across the packages ask for a migrated embedded database; loading
 * the dump takes about a second. The dump is keyed by the migrations' contents and PGlite's version, kept in
 * the system's temporary folder, and shared by every test process on the machine (and by later runs).
 */
const TEMPLATES = path.join(tmpdir(), "cto-embedded-templates");
/** A build older than this holding the lock is taken to have died with its process. */
const STALE_LOCK_MS = 10 * 60_000;
/** Templates of other migration sets are removed once this old. */
const KEEP_OTHERS_MS = 24 * 60 * 60_000;

/** PGlite's version: another version may not read a dump of this one's files. Its package.json is not exported. */
const pgliteVersion = async () => {
  let folder = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  for (;;) {
    const manifest = await readFile(path.join(folder, "package.json"), "utf8").catch(() => null);
    if (manifest) {
      const { name, version } = JSON.parse(manifest) as { name?: string; version?: string };
      if (name === "@electric-sql/pglite" && version) return version;
    }
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error("PGlite's package.json was not found.");
    folder = parent;
  }
};

const templateKey = async () => {
  const migrations = findMigrationsDir();
  if (!migrations) throw new Error("The migrations folder was not found; the embedded template cannot be built.");
  const hash = createHash("sha256");
  hash.update(await pgliteVersion());
  const names = (await readdir(migrations, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    const sql = await readFile(path.join(migrations, name, "migration.sql")).catch(() => null);
    if (sql) hash.update(`\0${name}\0`).update(sql);
  }
  return hash.digest("hex").slice(0, 24);
};

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

const build = async (target: string) => {
  const embedded = await startEmbeddedDatabase({ dataDir: "memory://", port: 0, shadowPort: 0 });
  try {
    const result = await runPrisma(["migrate", "deploy"], { databaseUrl: embedded.url });
    if (result.code !== 0) throw new Error(`migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
    const partial = `${target}.${process.pid}.${randomBytes(4).toString("hex")}`;
    await writeFile(partial, Buffer.from(await (await embedded.dumpDataDir()).arrayBuffer()));
    // A rename is atomic: a reader sees the whole dump or none.
    await rename(partial, target);
  } finally {
    await embedded.stop();
  }
};

const removeOthers = async (keep: string) => {
  for (const name of await readdir(TEMPLATES)) {
    const file = path.join(TEMPLATES, name);
    if (file === keep || !name.endsWith(".tar")) continue;
    const { mtimeMs } = await stat(file).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > KEEP_OTHERS_MS) await rm(file, { force: true });
  }
};

/** The dump's path, built by this process or waited for while another one builds it (a lock file says which). */
const ensureTemplate = async (): Promise<string> => {
  await mkdir(TEMPLATES, { recursive: true });
  const target = path.join(TEMPLATES, `${await templateKey()}.tar`);
  const lock = `${target}.lock`;
  for (;;) {
    if (await exists(target)) return target;
    const handle = await open(lock, "wx").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EEXIST") return null;
      throw error;
    });
    if (handle) {
      try {
        await build(target);
        await removeOthers(target);
        return target;
      } finally {
        await handle.close();
        await rm(lock, { force: true });
      }
    }
    const { mtimeMs } = await stat(lock).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > STALE_LOCK_MS) await rm(lock, { force: true });
    else await sleep(500);
  }
};

let template: Promise<Blob> | undefined;

/** The migrated template as a Blob for `startEmbeddedDatabase({ loadDataDir })`, read once per process. */
export const migratedEmbeddedTemplate = () => {
  template ??= ensureTemplate()
    .then((file) => readFile(file))
    .then((bytes) => new Blob([bytes]));
  // A failed build is not remembered: the next caller tries again.
  template.catch(() => {
    template = undefined;
  });
  return template;
};

import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { startEmbeddedDatabase } from "@cto/db/embedded";
import { createEmbeddedTestDatabase, runPrisma, type TestDatabase } from "@cto/db/testing";

/** Which database an e2e project runs its stacks on (vitest.config.ts provides it per project). */
export type TE2eTarget = "postgres" | "embedded";

declare module "vitest" {
  export interface ProvidedContext {
    ctoE2eTarget: TE2eTarget;
    /** A folder holding a migrated embedded database (`pglite/`), copied for each file; null: migrate each one. */
    ctoE2eEmbeddedTemplate: string | null;
    /** Where the run's build of the web app is (global-setup.ts). */
    ctoE2eDist: string;
  }
}

/** The embedded database's files in `folder` as `npm start` keeps them (`dataDir`), on free ports. */
const startIn = (folder: string) =>
  startEmbeddedDatabase({
    dataDir: path.join(folder, "pglite"),
    port: 0,
    shadowPort: 0,
    log: (message) => console.error(`[embedded database] ${message}`),
  });

/**
 * A migrated embedded database on disk, made once per e2e run: replaying every migration through the
 * Prisma CLI takes one to two minutes on a loaded two-core machine, copying the stopped database's
 * folder a second. The folder is removed by the returned function.
 */
export const createEmbeddedTemplate = async () => {
  const folder = await mkdtemp(path.join(tmpdir(), "cto-e2e-embedded-template-"));
  const embedded = await startIn(folder);
  try {
    const migrated = await runPrisma(["migrate", "deploy"], { databaseUrl: embedded.url, timeoutMs: 600_000 });
    if (migrated.code !== 0)
      throw new Error(`migrate deploy on the embedded template failed:\n${migrated.stdout}\n${migrated.stderr}`);
  } finally {
    await embedded.stop();
  }
  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
};

/** A new embedded database served from a copy of the template's files (or migrated from scratch without one). */
export const createEmbeddedFromTemplate = async (template: string | null): Promise<TestDatabase> => {
  if (!template) return createEmbeddedTestDatabase({ migrate: true });
  const folder = await mkdtemp(path.join(tmpdir(), "cto-e2e-embedded-"));
  await cp(path.join(template, "pglite"), path.join(folder, "pglite"), { recursive: true });
  const embedded = await startIn(folder);
  return {
    target: "embedded",
    name: "postgres",
    url: embedded.url,
    shadowDatabaseUrl: embedded.shadowDatabaseUrl,
    embeddedStats: embedded.stats,
    drop: async () => {
      await embedded.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
};

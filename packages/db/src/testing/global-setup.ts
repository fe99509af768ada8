import type { TestProject } from "vitest/node";

import { createPostgresTestDatabase, probePostgres } from "./databases.ts";

// Type-only: brings the `ctoPostgres` ProvidedContext declaration without loading vitest's runtime here.
import type { PostgresTestServer } from "./targets.ts";

/**
 * Vitest global setup: finds the real PostgreSQL server (TEST_DATABASE_URL, default the local one)
 * and migrates a template database once, which each test database is cloned from. Without a
 * server the real-PostgreSQL tests are skipped, loudly; in CI that is a failure instead.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const probe = await probePostgres(adminUrl);
  if (!probe.ok) {
    if (process.env.CI) throw new Error(`CI runs the real-PostgreSQL tests and cannot: ${probe.reason}`);
    console.warn(`\n[cto] real-PostgreSQL tests are SKIPPED: ${probe.reason}\n`);
    project.provide("ctoPostgres", null satisfies PostgresTestServer);
    return;
  }
  const template = await createPostgresTestDatabase(adminUrl, { migrate: true });
  project.provide("ctoPostgres", { adminUrl, template: template.name });
  return () => template.drop();
}

// Test fixtures for Cto's packages: real databases (PostgreSQL or embedded), the offline Prisma CLI,
// and the seed, which doubles as the fixture data.
export {
  createEmbeddedTestDatabase,
  createPostgresTestDatabase,
  probePostgres,
  queryOnce,
  type TestDatabase,
} from "./databases.ts";
export { runCommand, runPrisma, CTO_PRISMA_BIN, SCHEMA_ENGINE_BIN, type CommandResult } from "./run-prisma.ts";
export { testTargets, useMigratedDatabase, type TestTarget } from "./targets.ts";
export { freePort } from "./ports.ts";
export { migrationHistory } from "./migration-history.ts";
export { DEFAULT_TEST_REPLICA_URL, findTestReplica, type TestReplica } from "./replica.ts";

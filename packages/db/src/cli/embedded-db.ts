import { startEmbeddedDatabase } from "../embedded/server.ts";

const port = process.env.EMBEDDED_DB_PORT ? Number(process.env.EMBEDDED_DB_PORT) : undefined;
const database = await startEmbeddedDatabase({ port });
console.log(
  `Embedded PostgreSQL (PGlite + pgvector) listening:\n  DATABASE_URL=${database.url}\n  SHADOW_DATABASE_URL=${database.shadowDatabaseUrl}`,
);

const shutdown = async () => {
  await database.stop();
  process.exit(0);
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);

import path from "node:path";

import { defineConfig } from "prisma/config";

// The schema and migrations live at the monorepo root (prisma/), managed only through this package's scripts.
const root = path.join(import.meta.dirname, "..", "..");

export default defineConfig({
  schema: path.join(root, "prisma", "schema"),
  migrations: {
    path: path.join(root, "prisma", "migrations"),
    seed: "tsx src/seed/cli.ts",
  },
  datasource: {
    // Migrations run as the tables' owner: MIGRATE_DATABASE_URL when the app's DATABASE_URL names a
    // login with only the app's rights (packages/db/README.md, "Roles").
    url: process.env.MIGRATE_DATABASE_URL || process.env.DATABASE_URL || "",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});

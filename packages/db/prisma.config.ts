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
    url: process.env.DATABASE_URL ?? "",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});

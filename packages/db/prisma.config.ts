import { existsSync } from "node:fs";
import path from "node:path";

import { defineConfig } from "prisma/config";

// In the workspace the schema and migrations live at the monorepo root (prisma/), managed only through
// this package's scripts, and the seed runs from source. The published package has no src/: it carries
// them in dist/prisma (copied by its build, see tsdown.config.ts) and runs its built seed.
const packageRoot = import.meta.dirname;
const fromSource = existsSync(path.join(packageRoot, "src"));
const prismaDir = fromSource ? path.join(packageRoot, "..", "..", "prisma") : path.join(packageRoot, "dist", "prisma");

export default defineConfig({
  schema: path.join(prismaDir, "schema"),
  migrations: {
    path: path.join(prismaDir, "migrations"),
    seed: fromSource ? "tsx src/seed/cli.ts" : "node dist/seed/cli.js",
  },
  datasource: {
    // Migrations run as the tables' owner: MIGRATE_DATABASE_URL when the app's DATABASE_URL names a
    // login with only the app's rights (packages/db/README.md, "Roles").
    url: process.env.MIGRATE_DATABASE_URL || process.env.DATABASE_URL || "",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});

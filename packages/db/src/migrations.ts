import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** What a client can run: the raw-query half of Prisma's client (a transaction works too). */
type TQueryable = { $queryRaw: <T>(query: TemplateStringsArray, ...values: unknown[]) => PromiseLike<T> };

/**
 * Where this package's migration folders are: `prisma/migrations` at the repository root in the
 * workspace, `dist/prisma/migrations` in the published package. Found by walking up from this file,
 * so it holds for the source and for the build alike; null when neither is there.
 */
export const findMigrationsDir = (from: string = import.meta.dirname): string | null => {
  let dir = from;
  for (let depth = 0; depth < 6; depth += 1) {
    const candidate = path.join(dir, "prisma", "migrations");
    if (existsSync(path.join(candidate, "migration_lock.toml"))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
};

const shipped = new Map<string, string[]>();

/** The migrations in `dir`, by name in order: each folder holding a migration.sql (Prisma's own rule). Read once per folder. */
export const shippedMigrations = (dir: string): string[] => {
  const cached = shipped.get(dir);
  if (cached) return cached;
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
  shipped.set(dir, names);
  return names;
};

export type TMigrationStatus = {
  /** Shipped migrations the database has not applied: `db:deploy` applies them. */
  pending: string[];
  /** Migrations whose last attempt failed and was not rolled back: Prisma refuses to deploy until resolved. */
  failed: string[];
  /** Applied migrations this code does not ship (a newer release migrated the database): harmless to old code. */
  unknown: string[];
};

type TMigrationRow = { name: string; finished: boolean; rolledBack: boolean };

/**
 * The database's migration history (`_prisma_migrations`, as `migrate deploy` writes it) against the
 * migrations shipped with this package: what is pending, failed or unknown. A database that was never
 * migrated has every migration pending. Throws when the database cannot be asked.
 */
export const migrationStatus = async (
  db: TQueryable,
  { dir = findMigrationsDir() }: { dir?: string | null } = {},
): Promise<TMigrationStatus> => {
  if (!dir) throw new Error("@cto/db's migration folders were not found (prisma/migrations)");
  const names = shippedMigrations(dir);
  const [table] = await db.$queryRaw<
    Array<{ present: boolean }>
  >`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`;
  if (!table?.present) return { pending: names, failed: [], unknown: [] };
  const rows = await db.$queryRaw<TMigrationRow[]>`
    SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack"
    FROM _prisma_migrations`;
  const applied = new Set(rows.filter((row) => row.finished && !row.rolledBack).map((row) => row.name));
  const failed = [
    ...new Set(rows.filter((row) => !row.finished && !row.rolledBack && !applied.has(row.name)).map((row) => row.name)),
  ].sort();
  const known = new Set(names);
  return {
    pending: names.filter((name) => !applied.has(name) && !failed.includes(name)),
    failed,
    unknown: [...applied].filter((name) => !known.has(name)).sort(),
  };
};

/**
 * What a readiness probe says of the migrations: `ok` when every shipped one is applied, else
 * `failed` or `pending` (failed first: `migrate deploy` refuses to run until it is resolved), with their names.
 */
export type TMigrationReadiness =
  | { migrations: "ok" }
  | { migrations: "failed"; failedMigrations: string[] }
  | { migrations: "pending"; pendingMigrations: string[] };

export const migrationReadiness = ({ failed, pending }: TMigrationStatus): TMigrationReadiness => {
  if (failed.length) return { migrations: "failed", failedMigrations: failed };
  if (pending.length) return { migrations: "pending", pendingMigrations: pending };
  return { migrations: "ok" };
};

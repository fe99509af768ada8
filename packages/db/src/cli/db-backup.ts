import path from "node:path";
import { parseArgs } from "node:util";

import { defaultDataDir } from "../embedded/paths.ts";
import { backupDatabase, defaultBackupFile, manifestPath } from "./backup/backup.ts";
import { BackupError } from "./backup/pg-tools.ts";

const USAGE = `Usage: pnpm --filter @cto/db db:backup [--out <file.dump>]

Dumps MIGRATE_DATABASE_URL (else DATABASE_URL) with pg_dump --format=custom, vectors included, to <file.dump>
(default: <data folder>/backups/cto-<database>-<UTC time>.dump), and writes <file.dump>.json with every
table's row count in the dump's snapshot. PG_BIN_DIR names the folder of pg_dump when it is not the server's.`;

const main = async (argv: string[]): Promise<number> => {
  let values: { out?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { out: { type: "string", short: "o" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const url = process.env.MIGRATE_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "db:backup needs DATABASE_URL (or MIGRATE_DATABASE_URL, the owner's login). The embedded database is backed up by copying its data folder while Cto is stopped.",
    );
    return 1;
  }
  // pnpm runs scripts in the package folder; a relative path means the caller's folder.
  const file = values.out
    ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out)
    : defaultBackupFile(path.join(defaultDataDir(), "backups"), url);
  const started = Date.now();
  try {
    const { bytes, manifest } = await backupDatabase({ url, file, binDir: process.env.PG_BIN_DIR });
    const tables = Object.keys(manifest.rows).length;
    const rows = Object.values(manifest.rows).reduce((sum, n) => sum + n, 0);
    console.log(
      `backed up ${manifest.database} (${tables} tables, ${rows} rows, migration ${manifest.lastMigration ?? "none"}) to ${file}, ${(bytes / 1_048_576).toFixed(1)} MiB in ${((Date.now() - started) / 1000).toFixed(1)} s; manifest ${manifestPath(file)}`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(`db:backup: ${error.message}`);
    return 1;
  }
};

process.exitCode = await main(process.argv.slice(2));

import path from "node:path";
import { parseArgs } from "node:util";

import { restoreDatabase } from "./backup/restore.ts";
import { BackupError } from "./backup/pg-tools.ts";

const USAGE = `Usage: pnpm --filter @cto/db db:restore <file.dump> --to <postgresql://…/new_database> [--jobs <n>]

Loads a db:backup dump into a new or empty database (created when missing; one that has tables is refused),
then runs ANALYZE and compares every table's rows with <file.dump>.json. --jobs restores in parallel
(not in one transaction). PG_BIN_DIR names the folder of pg_restore when it is not the server's.`;

const main = async (argv: string[]): Promise<number> => {
  let parsed: {
    values: { to?: string | undefined; jobs?: string | undefined; help?: boolean | undefined };
    positionals: string[];
  };
  try {
    parsed = parseArgs({
      args: argv,
      options: { to: { type: "string" }, jobs: { type: "string", short: "j" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const jobs = values.jobs === undefined ? 1 : Number(values.jobs);
  if (positionals.length !== 1 || !values.to || !Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
    console.error(USAGE);
    return 1;
  }
  const started = Date.now();
  try {
    // pnpm runs scripts in the package folder; a relative path means the caller's folder.
    const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
    const result = await restoreDatabase({ file, targetUrl: values.to, jobs, binDir: process.env.PG_BIN_DIR });
    const tables = Object.keys(result.rows).length;
    const rows = Object.values(result.rows).reduce((sum, n) => sum + n, 0);
    const check = result.manifest
      ? "every table's rows match the backup's manifest"
      : "no manifest next to the dump, so the rows were not compared";
    console.log(
      `restored ${file} into ${result.database}${result.created ? " (created)" : ""}: ${tables} tables, ${rows} rows, migration ${result.lastMigration ?? "none"}, in ${((Date.now() - started) / 1000).toFixed(1)} s; ${check}`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(`db:restore: ${error.message}`);
    return 1;
  }
};

process.exitCode = await main(process.argv.slice(2));

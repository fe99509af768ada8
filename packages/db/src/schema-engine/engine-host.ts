import { readFile } from "node:fs/promises";

import { createDatabase } from "./connection-check.ts";
import { loadSchemaEngineWasm, WasmSchemaEngineClass, type WasmSchemaEngine } from "./load-wasm.ts";
import { createMigrationAdapterFactory, takeLastScriptFailure, type ScriptFailure } from "./migration-adapter.ts";
import type { RpcHandler } from "./rpc-server.ts";

export type Datasource = { url?: string; shadowDatabaseUrl?: string };

type EngineParams = Record<string, unknown> & { migrationsList?: unknown; filters?: unknown };

// Methods the CLI sends that the WASM engine names differently or lacks.
const UNSUPPORTED = new Set(["getDatabaseDescription"]);
const SHADOW_FACTORY_ERROR = "shadow DB must be provided through an external factory";

type MigrationDirectory = { path?: string; migrationFile?: { content?: { tag?: string; value?: string } } };

/**
 * The native engine reports a migration script that fails as P3018 (migration name, database error code
 * and message); the WASM engine only says "external connector error" with a summary of the driver error.
 * Rebuilds the P3018 error from the script the adapter saw fail.
 */
const toApplyMigrationError = (error: unknown, params: EngineParams, failure: ScriptFailure | undefined): unknown => {
  const code = (error as { code?: unknown } | null)?.code;
  if (!failure || (typeof code === "string" && /^P\d{4}$/.test(code))) return error;
  const directories =
    (params.migrationsList as { migrationDirectories?: MigrationDirectory[] } | undefined)?.migrationDirectories ?? [];
  const fromScript = directories.find((directory) => directory.migrationFile?.content?.value === failure.script)?.path;
  const fromTrace = /migration_name="([^"]+)"/.exec(String((error as Error | null)?.message))?.[1];
  const migrationName = fromScript ?? fromTrace;
  if (!migrationName) return error;
  const { message = String(error), code: sqlState, detail, hint, position } = failure.error;
  const databaseError = [
    `ERROR: ${message}`,
    detail && `DETAIL: ${detail}`,
    hint && `HINT: ${hint}`,
    position && `POSITION: ${position}`,
  ]
    .filter(Boolean)
    .join("\n");
  const databaseErrorCode = sqlState ?? "none";
  return Object.assign(
    new Error(
      "A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n" +
        `Migration name: ${migrationName}\n\nDatabase error code: ${databaseErrorCode}\n\nDatabase error:\n${databaseError}\n`,
    ),
    {
      code: "P3018",
      meta: { migration_name: migrationName, database_error_code: databaseErrorCode, database_error: databaseError },
    },
  );
};

const logLine = (line: string) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);

/**
 * One WASM schema engine per process, created on the first request that needs it
 * (so `--version` and malformed requests never touch the database), answering the
 * CLI's JSON-RPC methods.
 */
export const createEngineHost = ({
  datamodelPaths,
  datasource,
}: {
  datamodelPaths: string[];
  datasource: Datasource;
}) => {
  let engine: Promise<WasmSchemaEngine> | undefined;

  const start = async () => {
    await loadSchemaEngineWasm();
    const datamodels = datamodelPaths.length
      ? await Promise.all(datamodelPaths.map(async (file) => [file, await readFile(file, "utf8")] as [string, string]))
      : undefined;
    if (!datasource.url) throw new Error("No database URL: set `datasource.url` in prisma.config.ts (DATABASE_URL).");
    const adapter = createMigrationAdapterFactory({
      url: datasource.url,
      shadowDatabaseUrl: datasource.shadowDatabaseUrl,
    });
    return WasmSchemaEngineClass.new({ datamodels }, logLine, adapter);
  };
  const getEngine = () => (engine ??= start());

  const handle: RpcHandler = async (method, params, client) => {
    if (UNSUPPORTED.has(method)) throw new Error(`The schema engine stand-in does not support \`${method}\`.`);
    if (method === "createDatabase") {
      const target = (params as { datasource?: { url?: string } } | undefined)?.datasource?.url ?? datasource.url;
      if (!target) throw new Error("createDatabase needs a connection string.");
      return createDatabase(target);
    }
    const wasm = await getEngine();
    switch (method) {
      case "getDatabaseVersion":
        return wasm.version(params as never);
      case "diff": {
        const result = await wasm.diff(params as never);
        // The CLI prints diff output only when the engine asks it to; the result's stdout is ignored.
        if (result.stdout) await client.print(result.stdout);
        return result;
      }
      case "applyMigrations": {
        takeLastScriptFailure();
        try {
          return await wasm.applyMigrations(params as never);
        } catch (error) {
          throw toApplyMigrationError(error, params as EngineParams, takeLastScriptFailure());
        }
      }
      case "evaluateDataLoss": {
        const input = params as EngineParams;
        try {
          return await wasm.evaluateDataLoss(input as never);
        } catch (error) {
          // After `migrate dev` applied a pending migration the WASM engine loses its shadow factory
          // until devDiagnostic runs again on the same engine; run it, then retry once.
          if (!String((error as Error)?.message).includes(SHADOW_FACTORY_ERROR)) throw error;
          await wasm.devDiagnostic({ migrationsList: input.migrationsList, filters: input.filters } as never);
          return wasm.evaluateDataLoss(input as never);
        }
      }
      default: {
        const fn = (wasm as unknown as Record<string, unknown>)[method];
        if (typeof fn !== "function" || method === "free" || method === "constructor")
          throw new Error(`Unknown schema engine method \`${method}\`.`);
        return (fn as (p: unknown) => Promise<unknown>).call(wasm, params);
      }
    }
  };

  return { handle };
};

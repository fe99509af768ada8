import path from "node:path";

import { canConnect, createDatabase, toConnectionFailure } from "./connection-check.ts";
import { createEngineHost, type Datasource } from "./engine-host.ts";
import { lastPanicMessage, loadSchemaEngineWasm, wasmEngineVersion } from "./load-wasm.ts";
import { toRpcError } from "./rpc-errors.ts";
import { serveRpc } from "./rpc-server.ts";

export type EngineArgs = {
  datamodelPaths: string[];
  datasource: Datasource;
  version: boolean;
  cliCommand?: string | undefined;
};

/** Parses the command line the Prisma CLI starts its schema engine with. */
export const parseEngineArgs = (argv: string[]): EngineArgs => {
  const args: EngineArgs = { datamodelPaths: [], datasource: {}, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === "--datamodels") args.datamodelPaths.push(path.resolve(value()));
    else if (arg === "--datasource") args.datasource = JSON.parse(value()) as Datasource;
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") value();
    else if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "cli") args.cliCommand = argv[++i];
  }
  // biome-ignore lint/style/noProcessEnv: Prisma's CLI hands the schema engine its settings through the environment
  args.datasource.url ||= process.env.DATABASE_URL;
  return args;
};

/** The CLI drops the first stderr line of a failed `cli` command and parses the rest as JSON logs. */
const failCliCommand = (errorCode: string, message: string) => {
  process.stderr.write(`schema engine: ${message}\n`);
  process.stderr.write(
    `${JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { error_code: errorCode, message } })}\n`,
  );
  return 1;
};

const runCliCommand = async (command: string, url: string | undefined): Promise<number> => {
  if (!url) return failCliCommand("P1012", "No database URL was given (--datasource or DATABASE_URL).");
  if (command === "can-connect-to-database") {
    const failure = await canConnect(url);
    return failure ? failCliCommand(failure.errorCode, failure.message) : 0;
  }
  if (command === "create-database") {
    try {
      await createDatabase(url);
      return 0;
    } catch (error) {
      const failure = toConnectionFailure(url, error);
      return failCliCommand(failure.errorCode, failure.message);
    }
  }
  return failCliCommand("P1000", `Unknown command \`cli ${command}\`.`);
};

/** Runs as the Prisma CLI's schema engine: returns the process exit code. */
export const runSchemaEngine = async (argv: string[]): Promise<number> => {
  // stdout carries JSON-RPC only; stray console output would corrupt it.
  console.log = console.info = (...parts: unknown[]) => process.stderr.write(`${parts.join(" ")}\n`);
  const args = parseEngineArgs(argv);
  if (args.version) {
    await loadSchemaEngineWasm();
    process.stdout.write(`schema-engine-wasm ${wasmEngineVersion()} (cto-schema-engine)\n`);
    return 0;
  }
  if (args.cliCommand) return runCliCommand(args.cliCommand, args.datasource.url);

  const host = createEngineHost({ datamodelPaths: args.datamodelPaths, datasource: args.datasource });
  const server = serveRpc({ input: process.stdin, output: process.stdout, handle: host.handle });
  // Some WASM panics escape the request's promise: answer what is pending, then exit like the native engine.
  const onCrash = (error: unknown) => {
    const panic = lastPanicMessage() ?? (error instanceof Error ? error.message : String(error));
    server.failPending(toRpcError({ message: panic }, true));
    process.stderr.write(
      `${JSON.stringify({ level: "ERROR", fields: { message: panic }, target: "schema_engine::panic" })}\n`,
    );
    process.exit(101);
  };
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);
  await server.closed;
  // The CLI is done once it closes stdin; open database pools must not keep the engine alive.
  setTimeout(() => process.exit(0), 200).unref();
  return 0;
};

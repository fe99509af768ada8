import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

import { findRunningEmbeddedDatabase, startEmbeddedDatabase, type EmbeddedDatabase } from "../embedded/server.ts";

const packageRoot = path.join(import.meta.dirname, "..", "..");
const engineBinary = path.join(packageRoot, "bin", "cto-schema-engine.mjs");
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

// Commands that reach a database; the others (generate, validate, format) never start one.
const DATABASE_COMMANDS = new Set(["migrate", "db", "studio"]);

/**
 * Runs the standard Prisma CLI with the WASM schema engine instead of the native binary it cannot
 * download here. Without DATABASE_URL, database commands use the embedded database: the one
 * `pnpm start` is serving, or one started for the length of the command.
 */
const run = async (args: string[]): Promise<number> => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: engineBinary,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    // `prisma db seed` runs `tsx …` from the config; make this package's binaries findable.
    PATH: [path.join(packageRoot, "node_modules", ".bin"), process.env.PATH].join(path.delimiter),
  };
  let embedded: EmbeddedDatabase | undefined;
  if (!env.DATABASE_URL && !env.MIGRATE_DATABASE_URL && DATABASE_COMMANDS.has(args[0] ?? "")) {
    const running = await findRunningEmbeddedDatabase();
    if (running) {
      env.DATABASE_URL = running.url;
      env.SHADOW_DATABASE_URL ??= running.shadowDatabaseUrl;
    } else {
      embedded = await startEmbeddedDatabase();
      env.DATABASE_URL = embedded.url;
      env.SHADOW_DATABASE_URL ??= embedded.shadowDatabaseUrl;
    }
    console.error(`cto-prisma: no DATABASE_URL, using the embedded database at ${env.DATABASE_URL}`);
  }
  try {
    const child = spawn(process.execPath, [prismaCli, ...args], { cwd: packageRoot, env, stdio: "inherit" });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    return await new Promise<number>((resolve) =>
      child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))),
    );
  } finally {
    await embedded?.stop();
  }
};

process.exitCode = await run(process.argv.slice(2));

import { spawn } from "node:child_process";
import path from "node:path";

const packageRoot = path.join(import.meta.dirname, "..", "..");
export const CTO_PRISMA_BIN = path.join(packageRoot, "bin", "cto-prisma.mjs");
export const SCHEMA_ENGINE_BIN = path.join(packageRoot, "bin", "cto-schema-engine.mjs");

export type CommandResult = { code: number; stdout: string; stderr: string };

/** Runs a command to its end, capturing its output; a time limit keeps a hung engine from hanging a test. */
export const runCommand = (
  command: string,
  args: string[],
  {
    env = process.env,
    cwd = packageRoot,
    input,
    timeoutMs = 120_000,
  }: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string; timeoutMs?: number } = {},
) =>
  new Promise<CommandResult>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(
          `${path.basename(args[0] ?? command)} ${args.slice(1).join(" ")} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`,
        ),
      );
    }, timeoutMs);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
    child.stdin.end(input ?? "");
  });

/** The Prisma CLI through @cto/db's offline wrapper, against `databaseUrl` (and its shadow). */
export const runPrisma = (
  args: string[],
  {
    databaseUrl,
    shadowDatabaseUrl,
    env = {},
    ...options
  }: {
    databaseUrl: string;
    shadowDatabaseUrl?: string | undefined;
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    timeoutMs?: number;
  },
) => {
  // The test's own database only: a developer's MIGRATE_DATABASE_URL would take precedence in prisma.config.ts.
  const { SHADOW_DATABASE_URL: _shadow, MIGRATE_DATABASE_URL: _migrate, ...inherited } = process.env;
  return runCommand(process.execPath, [CTO_PRISMA_BIN, ...args], {
    ...options,
    env: {
      ...inherited,
      DATABASE_URL: databaseUrl,
      ...(shadowDatabaseUrl ? { SHADOW_DATABASE_URL: shadowDatabaseUrl } : {}),
      NO_COLOR: "1",
      ...env,
    },
  });
};

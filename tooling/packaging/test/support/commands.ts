import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

import { REPO_ROOT } from "./published-packages.ts";

export type CommandResult = { code: number; stdout: string; stderr: string };

type RunOptions = { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number };

/** Runs a command to its end and captures its output; the time limit keeps a hung install from hanging CI. */
export const run = (command: string, args: string[], { cwd, env = process.env, timeoutMs = 300_000 }: RunOptions) =>
  new Promise<CommandResult>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });

/** Like `run`, but a non-zero exit fails with the command's output. */
export const runOk = async (command: string, args: string[], options: RunOptions) => {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} (in ${options.cwd}) exited with ${result.code}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
};

/** The pnpm the repository pins (`packageManager`), run through npx as `npm start` and `npm test` do. */
export const PNPM_VERSION = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { packageManager: string }
).packageManager.replace(/^pnpm@/, "");

export const pnpm = (args: string[], options: RunOptions) =>
  runOk("npx", ["--yes", `pnpm@${PNPM_VERSION}`, ...args], {
    ...options,
    env: { COREPACK_INTEGRITY_KEYS: "0", ...(options.env ?? process.env) },
  });

/** A TCP port on loopback that was free a moment ago. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });

import { spawn, type ChildProcess } from "node:child_process";

/** One line a Cto process logged (`@cto/log`: one JSON object per line, the level as a word). */
export type TLogLine = { level?: string; msg?: string; [key: string]: unknown };

export type TLoggedProcess = {
  child: ChildProcess;
  /** Every structured log line it printed so far. */
  lines: TLogLine[];
  /** The last few kilobytes it wrote to stderr. */
  stderr: () => string;
  exited: Promise<number | null>;
  /** Sends `signal` unless it has already ended; resolves with its exit code. */
  kill: (signal: NodeJS.Signals) => Promise<number | null>;
};

export type TSpawnLoggedOptions = {
  /** Names the process in the error when it does not start. */
  name: string;
  cwd: string;
  /** Added to this process's environment. */
  env: Record<string, string>;
  /** The line that says it serves. */
  ready: (line: TLogLine) => boolean;
  entry?: string;
  startMs?: number;
  /** Sees each line as it arrives, with its text. */
  onLine?: (line: TLogLine, text: string) => void;
};

const STDERR_KEPT = 4_000;

/**
 * A Cto app's entry (TypeScript, through tsx) as a child process whose JSON log lines a test reads;
 * resolves once a line passes `ready`, and kills it and fails with its stderr when it exits or
 * `startMs` passes first. Node loads tsx in-process (`--import tsx`) rather than through the `tsx`
 * CLI, which would run the app in a grandchild that a SIGKILL to the CLI leaves running.
 */
export const spawnLogged = async ({
  name,
  cwd,
  env,
  ready,
  entry = "src/index.ts",
  startMs = 60_000,
  onLine,
}: TSpawnLoggedOptions): Promise<TLoggedProcess> => {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: TLogLine[] = [];
  let started = false;
  let stderr = "";
  let buffer = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const complete = buffer.split("\n");
    buffer = complete.pop()!;
    for (const text of complete) {
      if (!text.startsWith("{")) continue;
      const line = JSON.parse(text) as TLogLine;
      lines.push(line);
      if (ready(line)) started = true;
      onLine?.(line, text);
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + startMs;
  while (!started) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(
        `${name} did not start within ${startMs} ms (exit ${child.exitCode}):\n${stderr}\n${JSON.stringify(lines.slice(-5))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return { child, lines, stderr: () => stderr, exited, kill };
};

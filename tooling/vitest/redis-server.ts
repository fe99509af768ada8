import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type TRedisServer = {
  url: string;
  port: number;
  /** Starts it again on the same port (and, persisted, with the same data). */
  start: () => Promise<void>;
  /** SIGTERM: Redis shuts down cleanly (flushes its AOF) and exits, as a restart by an operator would. */
  stop: () => Promise<void>;
  /** Stops it and removes its data. */
  dispose: () => Promise<void>;
};

/** Whether a Redis answers PING on `port`, asked over a plain socket. */
const answersPing = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write("PING\r\n"));
    socket.setTimeout(1_000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
  });

/**
 * A private redis-server on loopback `port` (a free one the test found), never the shared Redis on 6379,
 * which a test may stop and start again. `persist`: AOF written on every command, in a temporary
 * folder, so data outlives a restart.
 */
export const startRedisServer = async (
  port: number,
  { persist = false }: { persist?: boolean } = {},
): Promise<TRedisServer> => {
  const dir = persist ? await mkdtemp(path.join(tmpdir(), "cto-redis-")) : null;
  const storage = dir ? ["--appendonly", "yes", "--appendfsync", "always", "--dir", dir] : ["--appendonly", "no"];
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn("/usr/bin/redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", ...storage], {
      stdio: "ignore",
    });
    for (let attempt = 0; attempt < 100; attempt += 1) {
      if (await answersPing(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`redis-server did not answer on port ${port} within 5 s`);
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise((resolve) => {
      running.once("exit", resolve);
      running.kill("SIGTERM");
    });
  };
  const dispose = async () => {
    await stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, start, stop, dispose };
};

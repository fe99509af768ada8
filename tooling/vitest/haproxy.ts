import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** Debian's HAProxy (tooling/scripts/ensure-haproxy.sh installs it), or HAPROXY_PATH. */
export const HAPROXY_PATH = process.env.HAPROXY_PATH ?? "/usr/sbin/haproxy";
export const haproxyInstalled = () => existsSync(HAPROXY_PATH);

export type TBalancedServer = { name: string; port: number };

export type THaproxyOptions = {
  /** The loopback port it listens on (a free one the caller found). */
  port: number;
  servers: TBalancedServer[];
  /** The health check: GET this path, 200 is up. */
  checkPath?: string;
  /** Between checks, in ms; `fall` failed checks mark a server down, `rise` good ones up again. */
  checkEveryMs?: number;
  fall?: number;
  rise?: number;
};

export type THaproxy = {
  url: string;
  /** Each server's state as HAProxy's stats say it ("UP", "DOWN", "UP 1/2"…), by name. */
  states: () => Promise<Record<string, string>>;
  /** Resolves once every named server is in `state` (exactly), or rejects after `ms`. */
  waitFor: (names: string[], state: "UP" | "DOWN", ms?: number) => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * The configuration a deployment of several API instances behind HAProxy needs (README, "Behind a load
 * balancer"): round robin over the instances, an HTTP health check, X-Forwarded-For added (the API's
 * TRUST_PROXY=1), a request retried on another instance when its connection to a dead one failed, and a
 * read also when its instance closed without answering (a write that reached an instance is never sent
 * twice), and long enough server timeouts for the chat's event streams. `X-Served-By` names the instance that answered, for tests to see the balancing.
 */
export const haproxyConfig = (
  { port, servers, checkPath = "/ready", checkEveryMs = 300, fall = 2, rise = 2 }: THaproxyOptions,
  statsSocket: string,
) =>
  [
    "global",
    `  stats socket ${statsSocket} mode 600 level admin`,
    "  maxconn 4096",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 120s",
    "  timeout server 120s",
    "  timeout http-request 10s",
    // A check may wait this long for its answer: a busy instance is slow, not down (a dead one refuses at once).
    "  timeout check 3s",
    "  retries 3",
    "  option redispatch 1",
    // A read is sent again when its instance died before answering; a write only when it never reached one.
    "  retry-on conn-failure empty-response",
    "frontend api",
    `  bind 127.0.0.1:${port}`,
    "  option forwardfor",
    "  default_backend apis",
    "backend apis",
    "  balance roundrobin",
    "  option httpchk",
    `  http-check send meth GET uri ${checkPath}`,
    "  http-check expect status 200",
    "  http-request disable-l7-retry if !METH_GET !METH_HEAD",
    "  http-response set-header X-Served-By %s",
    `  default-server inter ${checkEveryMs} fastinter ${checkEveryMs} downinter ${checkEveryMs} fall ${fall} rise ${rise}`,
    ...servers.map(({ name, port: serverPort }) => `  server ${name} 127.0.0.1:${serverPort} check`),
    "",
  ].join("\n");

/** One command on HAProxy's admin socket; resolves with its whole answer. */
const ask = (socketPath: string, command: string) =>
  new Promise<string>((resolve, reject) => {
    let answer = "";
    const socket = net.connect(socketPath, () => socket.end(`${command}\n`));
    socket.setTimeout(2_000, () => socket.destroy(new Error(`HAProxy's admin socket did not answer "${command}"`)));
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.once("end", () => resolve(answer));
    socket.once("error", reject);
  });

/** HAProxy in the foreground with a configuration written into a temporary folder; resolves once it answers on its admin socket. */
export const startHaproxy = async (options: THaproxyOptions): Promise<THaproxy> => {
  const dir = await mkdtemp(path.join(tmpdir(), "cto-haproxy-"));
  const statsSocket = path.join(dir, "admin.sock");
  const configFile = path.join(dir, "haproxy.cfg");
  await writeFile(configFile, haproxyConfig(options, statsSocket));
  let stderr = "";
  const child: ChildProcess = spawn(HAPROXY_PATH, ["-db", "-f", configFile], { stdio: ["ignore", "ignore", "pipe"] });
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const states = async () => {
    const [header, ...rows] = (await ask(statsSocket, "show stat")).trim().split("\n");
    const columns = header!.replace(/^# /, "").split(",");
    const [proxy, name, status] = ["pxname", "svname", "status"].map((column) => columns.indexOf(column));
    return Object.fromEntries(
      rows
        .map((row) => row.split(","))
        .filter((cells) => cells[proxy!] === "apis" && cells[name!] !== "BACKEND")
        .map((cells) => [cells[name!]!, cells[status!]!]),
    );
  };
  const waitFor = async (names: string[], state: "UP" | "DOWN", ms = 30_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const now = await states().catch(() => ({}) as Record<string, string>);
      if (names.every((name) => now[name] === state)) return;
      if (Date.now() > deadline)
        throw new Error(`HAProxy: ${names.join(", ")} not ${state} within ${ms} ms: ${JSON.stringify(now)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (
    !(await ask(statsSocket, "show info").then(
      () => true,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`HAProxy did not start:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `http://127.0.0.1:${options.port}`, states, waitFor, stop };
};

import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { freePort } from "./commands.ts";

export type LocalRegistry = { url: string; token: string; output: () => string; stop: () => Promise<void> };

const VERDACCIO = path.join(import.meta.dirname, "..", "..", "node_modules", ".bin", "verdaccio");

const waitUntilAnswering = async (url: string, log: () => string, deadline = Date.now() + 60_000) => {
  while (Date.now() < deadline) {
    const answered = await fetch(`${url}-/ping`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`verdaccio did not answer at ${url} within 60 s\n${log()}`);
};

/**
 * A private npm registry (verdaccio) on a loopback port, its storage in `dir`, with no uplinks: it
 * holds only what is published to it. Returns a token of a user it just created, for publishing.
 */
export const startLocalRegistry = async (dir: string): Promise<LocalRegistry> => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  mkdirSync(path.join(dir, "storage"), { recursive: true });
  const config = path.join(dir, "config.yaml");
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(path.join(dir, "storage"))}`,
      "auth:",
      "  htpasswd:",
      `    file: ${JSON.stringify(path.join(dir, "htpasswd"))}`,
      "    max_users: 1",
      "uplinks: {}",
      "packages:",
      "  '**':",
      "    access: $all",
      "    publish: $authenticated",
      "web:",
      "  enable: false",
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  const child = spawn(VERDACCIO, ["--config", config, "--listen", `127.0.0.1:${port}`], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  try {
    await waitUntilAnswering(url, () => log);
    const response = await fetch(`${url}-/user/org.couchdb.user:release`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "release", password: "a-local-registry-only-password" }),
    });
    const { token } = (await response.json()) as { token?: string };
    if (!response.ok || !token) throw new Error(`verdaccio refused the new user: ${response.status}\n${log}`);
    return { url, token, output: () => log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};

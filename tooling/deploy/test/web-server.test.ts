// The production web server as built and deployed (deploy.mjs web), in front of a stand-in API that
// records what reaches it: the forwarding rules a reverse proxy relies on, and its start-up checks.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { APPS } from "../apps.mjs";
import { buildApps, deploy } from "../deploy.mjs";

type TSeen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };

let dir: string;
let api: http.Server;
let apiPort: number;
let webPort: number;
let server: ChildProcess | undefined;
let output = "";
const seen: TSeen[] = [];

const listen = (target: http.Server) =>
  new Promise<number>((resolve) =>
    target.listen(0, "127.0.0.1", () => resolve((target.address() as net.AddressInfo).port)),
  );
const freePort = async () => {
  const probe = http.createServer();
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
};

/** Starts the deployed web server with `env`; resolves once it answers, or with its exit code if it stops first. */
const startWeb = (env: NodeJS.ProcessEnv) =>
  new Promise<{ child: ChildProcess; exitCode?: number | null }>((resolve) => {
    const [command, ...args] = APPS.web.start;
    const child = spawn(command === "node" ? process.execPath : command!, args, {
      cwd: path.join(dir, "web"),
      env: { PATH: process.env.PATH, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    const deadline = Date.now() + 20_000;
    const poll = async () => {
      if (child.exitCode !== null) return resolve({ child, exitCode: child.exitCode });
      const up = await fetch(`http://127.0.0.1:${env.WEB_PORT}/favicon.svg`).then(
        () => true,
        () => false,
      );
      if (up) return resolve({ child });
      // Not answering in time fails the caller's exit-code check, with the server's lines.
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        return resolve({ child, exitCode: -1 });
      }
      setTimeout(poll, 150);
    };
    child.once("exit", (code) => resolve({ child, exitCode: code }));
    void poll();
  });

const web = (pathname: string) => `http://127.0.0.1:${webPort}${pathname}`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cto-web-server-"));
  if (!process.env.TURBO_HASH) buildApps(["web"]);
  deploy({ app: "web", outDir: path.join(dir, "web"), build: false });
  api = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      if (request.url === "/admin/queues") return response.writeHead(302, { location: "/admin/queues/" }).end();
      response
        .writeHead(200, { "content-type": "application/json", "set-cookie": "cto_session=abc; Path=/; HttpOnly" })
        .end(JSON.stringify({ path: request.url }));
    });
  });
  apiPort = await listen(api);
  webPort = await freePort();
  const started = await startWeb({
    NODE_ENV: "production",
    CTO_API_ORIGIN: `http://127.0.0.1:${apiPort}`,
    WEB_PORT: String(webPort),
  });
  expect(started.exitCode, output).toBeUndefined();
  server = started.child;
}, 240_000);

afterAll(async () => {
  server?.kill("SIGKILL");
  await new Promise((resolve) => api?.close(resolve));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the production web server", () => {
  it("forwards /api/* to the API without the prefix, with the query, body, cookies and who asked", async () => {
    const response = await fetch(web("/api/goals/search?q=tax%20return&limit=2"), {
      method: "POST",
      headers: { cookie: "cto_session=abc", "content-type": "application/json", "x-forwarded-for": "203.0.113.7" },
      body: JSON.stringify({ title: "File the tax return" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ path: "/goals/search?q=tax%20return&limit=2" });
    expect(response.headers.get("set-cookie")).toContain("cto_session=abc");
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: "POST", body: JSON.stringify({ title: "File the tax return" }) });
    expect(request.headers).toMatchObject({
      cookie: "cto_session=abc",
      "x-forwarded-for": "203.0.113.7, 127.0.0.1",
      "x-forwarded-host": `127.0.0.1:${webPort}`,
      "x-forwarded-proto": "http",
    });
  });

  it("passes the API's redirects to the browser instead of following them (Bull Board's /admin/queues)", async () => {
    const response = await fetch(web("/admin/queues"), { redirect: "manual" });
    expect([response.status, response.headers.get("location")]).toEqual([302, "/admin/queues/"]);
    expect(seen.at(-1)!.url).toBe("/admin/queues");
  });

  it("revalidates index.html by its ETag, and answers HEAD", async () => {
    const first = await fetch(web("/"));
    const tag = first.headers.get("etag");
    expect(tag).toBeTruthy();
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await fetch(web("/"), { headers: { "if-none-match": tag! } })).status).toBe(304);
    expect((await fetch(web("/favicon.svg"), { method: "HEAD" })).status).toBe(200);
  });

  it("sends its Content-Security-Policy with the app's pages and files, and leaves the API's answers alone", async () => {
    const policies = new Set<string | null>();
    for (const path of ["/", "/settings/profile", "/favicon.svg"])
      policies.add((await fetch(web(path))).headers.get("content-security-policy"));
    expect(policies.size).toBe(1);
    const [policy] = [...policies];
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"])
      expect(policy?.split("; ")).toContain(directive);
    expect((await fetch(web("/api/echo"))).headers.get("content-security-policy")).toBeNull();
  });

  it("answers a missing file with 404 and a page path with the app", async () => {
    expect((await fetch(web("/robots-missing.txt"))).status).toBe(404);
    expect((await fetch(web("/settings/profile"))).headers.get("content-type")).toContain("text/html");
    expect((await fetch(web("/settings/profile"), { method: "POST" })).status).toBe(404);
  });

  it("answers 502, saying the API is away, while the API does not answer", async () => {
    await new Promise((resolve) => api.close(resolve));
    api.closeAllConnections();
    const response = await fetch(web("/api/goals"));
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { code: "api_unavailable" } });
    expect(output).toMatch(/"level":"warn".*did not answer \(ECONNREFUSED\): 502/);
    api.listen(apiPort, "127.0.0.1");
  });

  it("refuses to start in production without CTO_API_ORIGIN, naming it", async () => {
    const { exitCode } = await startWeb({ NODE_ENV: "production", WEB_PORT: String(await freePort()) });
    expect(exitCode).toBe(1);
    expect(output).toMatch(/CTO_API_ORIGIN: required in production/);
  });
});

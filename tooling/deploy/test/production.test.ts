// The production smoke test: the apps deployed as their images deploy them (deploy.mjs), migrated as
// the images migrate (two replicas at once), started by `pnpm start:prod` with plain node against real
// PostgreSQL, Redis and SMTP, used through the web server's origin as a browser would, then stopped
// with SIGTERM while a request is in flight.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { samplePdf } from "@cto/core/testing/documents";
import { startTestSmtpServer, type TTestSmtpServer } from "@cto/mail/testing";

import { APPS, MIGRATE, ROOT } from "../apps.mjs";
import { buildApps, deploy } from "../deploy.mjs";

const POSTGRES = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
// Every wait is bounded: a hung process fails the test instead of holding CI.
const READY_MS = 60_000;
const DRAIN_MS = 20_000;

const run = { id: randomBytes(4).toString("hex") } as const;
const database = `cto_production_${run.id}`;
const databaseUrl = (() => {
  const url = new URL(POSTGRES);
  url.pathname = `/${database}`;
  return url.toString();
})();
const prefix = `cto-production-${run.id}`;
// Abuse limits count per client address in Redis, across runs: each run is its own client, as a proxy on
// this machine would say (start:prod's API believes loopback proxies), in a /64 of the documentation range.
const client = { "x-forwarded-for": `2001:db8:${run.id.slice(0, 4)}:${run.id.slice(4)}::1` };

let dir: string;
let smtp: TTestSmtpServer;
let stack: { child: ChildProcess; output: () => string; exited: Promise<number | null> } | undefined;
const ports = { api: 0, metrics: 0, worker: 0, web: 0 };

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Runs a command to its end within `ms`; its exit code and output. */
const exec = (command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; ms: number }) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.ms);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });

const query = async <T extends pg.QueryResultRow>(url: string, sql: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
};

const web = (pathname: string) => `http://127.0.0.1:${ports.web}${pathname}`;

const waitFor = async (what: string, check: () => Promise<boolean>, ms = READY_MS) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (stack && (await Promise.race([stack.exited.then(() => true), Promise.resolve(false)])))
      throw new Error(`the stack exited while waiting for ${what}:\n${stack.output()}`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} not within ${ms} ms:\n${stack?.output() ?? ""}`);
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cto-production-"));
  // What each image's build stage runs. Under turbo (npm test) turbo.json's dependsOn has built the apps;
  // run alone, the build is turbo's (its cache serves what `pnpm build` made).
  if (!process.env.TURBO_HASH) buildApps(Object.keys(APPS));
  for (const app of Object.keys(APPS)) deploy({ app, outDir: path.join(dir, app), build: false });
  await query(POSTGRES, `CREATE DATABASE "${database}"`);
  smtp = await startTestSmtpServer();
  for (const name of Object.keys(ports) as (keyof typeof ports)[]) ports[name] = await freePort();
}, 300_000);

afterAll(async () => {
  // A test that failed midway: start-prod stops its apps (each in a process group of its own) within
  // STOP_GRACE_MS, killing what does not; only if it hangs itself is it killed here.
  if (stack && stack.child.exitCode === null) {
    stack.child.kill("SIGTERM");
    const ended = await Promise.race([
      stack.exited.then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), DRAIN_MS + 5_000)),
    ]);
    if (!ended) process.kill(-stack.child.pid!, "SIGKILL");
  }
  await smtp?.close();
  await query(POSTGRES, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis
    .connect()
    .then(async () => {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
    })
    .catch(() => undefined);
  redis.disconnect();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("a production deployment", () => {
  it("migrates as one step, from two replicas at once, with what the API's image carries", async () => {
    const env = { ...process.env, DATABASE_URL: databaseUrl, MIGRATE_DATABASE_URL: "" };
    const [first, second] = await Promise.all(
      [0, 1].map(() => exec(MIGRATE[0]!, MIGRATE.slice(1), { cwd: path.join(dir, "api"), env, ms: 120_000 })),
    );
    expect(first!.code, first!.output).toBe(0);
    expect(second!.code, second!.output).toBe(0);
    const folders = readdirSync(path.join(ROOT, "prisma", "migrations"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const applied = await query<{ migration_name: string; finished_at: Date | null }>(
      databaseUrl,
      "SELECT migration_name, finished_at FROM _prisma_migrations",
    );
    // Each migration once, finished: the second replica waited for the first's lock, then found nothing to do.
    expect(applied.map((row) => row.migration_name).sort()).toEqual(folders.sort());
    expect(applied.every((row) => row.finished_at !== null)).toBe(true);
  }, 150_000);

  it.each([
    ["api", ["CTO_ENCRYPTION_KEY", "MAIL_FROM", "REDIS_URL", "SMTP_URL", "WEB_ORIGIN"]],
    ["worker", ["CTO_ENCRYPTION_KEY", "MAIL_FROM", "REDIS_URL", "SMTP_URL"]],
  ])("%s: refuses to start in production without what it needs, one log line naming each", async (app, names) => {
    const [command, ...args] = APPS[app as keyof typeof APPS].start;
    const env = {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      CTO_DATA_DIR: path.join(dir, "data"),
    };
    const { code, output } = await exec(command === "node" ? process.execPath : command!, args, {
      cwd: path.join(dir, app),
      env,
      ms: 30_000,
    });
    expect(code, output).toBe(1);
    const fatal = output
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { level: string; msg: string })
      .find((line) => line.level === "fatal");
    expect(fatal, output).toBeDefined();
    expect([...fatal!.msg.matchAll(/^ {2}(\w+): required in production/gm)].map((match) => match[1]).sort()).toEqual(
      names,
    );
  });

  it("starts with plain node, serves the web app and the API on one origin, runs jobs, and drains requests and jobs on SIGTERM", async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NODE_OPTIONS: "",
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      WORKER_QUEUE_PREFIX: prefix,
      WORKER_SCHEDULERS: "off",
      CTO_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      SMTP_URL: smtp.url,
      MAIL_FROM: "Cto <no-reply@cto.example>",
      PORT: String(ports.api),
      METRICS_PORT: String(ports.metrics),
      WORKER_HEALTH_PORT: String(ports.worker),
      WEB_PORT: String(ports.web),
      WEB_ORIGIN: `http://127.0.0.1:${ports.web}`,
      CTO_DATA_DIR: path.join(dir, "data"),
      LOG_LEVEL: "info",
      STOP_GRACE_MS: String(DRAIN_MS),
    };
    for (const name of [
      "CTO_API_ORIGIN",
      "TRUST_PROXY",
      "TEST_DATABASE_URL",
      "VITEST",
      "VITEST_WORKER_ID",
      "VITEST_POOL_ID",
    ])
      delete env[name];
    const child = spawn(
      process.execPath,
      [path.join(ROOT, "tooling", "deploy", "start-prod.mjs"), "--dir", dir, "--prepared"],
      { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    let output = "";
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    stack = {
      child,
      output: () => output,
      exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))),
    };

    // No TypeScript at run time: nothing in the deployments can load it.
    for (const app of Object.keys(APPS))
      expect(() => readFileSync(path.join(dir, app, "node_modules", "tsx", "package.json"))).toThrow();

    await waitFor("the API through the web server", async () => (await fetch(web("/api/ready"))).status === 200);
    await waitFor("the worker", async () => (await fetch(`http://127.0.0.1:${ports.worker}/ready`)).status === 200);

    // The web app: index.html revalidated every time, its hashed assets cached for good, page paths fall back to it.
    const index = await fetch(web("/"));
    expect(index.status).toBe(200);
    expect(index.headers.get("cache-control")).toBe("no-cache");
    const html = await index.text();
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, html).toMatch(/^\/assets\/index-[\w-]{8,}\.js$/);
    const asset = await fetch(web(script!));
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.get("content-type")).toMatch(/javascript/);
    expect((await asset.text()).length).toBeGreaterThan(1_000);
    const page = await fetch(web("/goals"));
    expect([page.status, page.headers.get("cache-control"), await page.text()]).toEqual([200, "no-cache", html]);
    expect((await fetch(web("/assets/index-00000000.js"))).status).toBe(404);

    // Sign up through the same origin: the session cookie is the web app's, and the verification email is
    // a job the API queues and the worker sends through SMTP.
    const email = `production-${run.id}@example.com`;
    const signUp = await fetch(web("/api/auth/sign-up"), {
      method: "POST",
      headers: { ...client, origin: web(""), "content-type": "application/json" },
      body: JSON.stringify({ email, password: "a long enough passphrase 42", name: "Production" }),
    });
    expect(signUp.status, await signUp.clone().text()).toBe(201);
    const cookie = signUp.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    expect(cookie).toContain("cto_session=");
    const [verification] = await smtp.waitForMessages(1, 30_000);
    expect(verification!.envelope.to).toEqual([email]);
    expect(verification!.parsed.text).toContain(web(""));

    // Chat: a conversation and a streamed reply from the coach (the local provider: no AI account needed).
    const authed = { ...client, origin: web(""), cookie, "content-type": "application/json" };
    const conversation = await fetch(web("/api/conversations"), {
      method: "POST",
      headers: authed,
      body: JSON.stringify({ title: "Production" }),
    });
    expect(conversation.status).toBe(201);
    const { id } = (await conversation.json()) as { id: string };
    const reply = await fetch(web(`/api/conversations/${id}/chat`), {
      method: "POST",
      headers: authed,
      body: JSON.stringify({ content: "I keep putting off my tax return." }),
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toContain("text/event-stream");
    const events = await reply.text();
    expect(events).toMatch(/^event: delta$/m);
    expect(events).toMatch(/^event: done$/m);

    // A PDF read by the worker's reader thread (a build entry of its own beside the bundle) into passages.
    const form = new FormData();
    const pdf = samplePdf(["Production notes: the quarterly plan is on track."]);
    form.append("file", new Blob([pdf as Uint8Array<ArrayBuffer>], { type: "application/pdf" }), "notes.pdf");
    const signedIn = { ...client, origin: web(""), cookie };
    const uploaded = await fetch(web("/api/documents"), { method: "POST", headers: signedIn, body: form });
    expect(uploaded.status, await uploaded.clone().text()).toBe(202);
    const { id: documentId } = (await uploaded.json()) as { id: string };
    type TDocumentDetail = { status?: string; errorMessage?: string | null; chunks?: Array<{ content: string }> };
    let document: TDocumentDetail = {};
    await waitFor(
      "the uploaded PDF to be read",
      async () => {
        document = (await (
          await fetch(web(`/api/documents/${documentId}`), { headers: signedIn })
        ).json()) as TDocumentDetail;
        return document.status === "ready" || document.status === "failed";
      },
      30_000,
    );
    expect(document.errorMessage ?? null).toBeNull();
    expect(document.status).toBe("ready");
    expect(document.chunks?.map((chunk) => chunk.content).join(" ")).toContain("the quarterly plan is on track");

    // A job running at SIGTERM: the password-reset email, held by a slow SMTP server. The worker finishes it
    // before it stops (its /metrics shows it active first, so the stop does not race its start).
    smtp.delay(4_000);
    const reset = await fetch(web("/api/auth/password-reset"), {
      method: "POST",
      headers: { ...client, origin: web(""), "content-type": "application/json" },
      body: JSON.stringify({ email }),
    });
    expect(reset.status).toBe(202);
    const sending = /^cto_queue_jobs\{queue="mail",state="active"\} 1$/m;
    await waitFor(
      "the reset email's job to run",
      async () => sending.test(await (await fetch(`http://127.0.0.1:${ports.worker}/metrics`)).text()),
      20_000,
    );

    // SIGTERM with a request in flight too (its body half sent): it is answered, then every process stops.
    const body = JSON.stringify({ email, password: "not the password at all" });
    const inFlight = new Promise<number>((resolve, reject) => {
      const request = http.request(
        web("/api/auth/sign-in"),
        {
          method: "POST",
          headers: {
            ...client,
            origin: web(""),
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        },
      );
      request.on("error", reject);
      request.write(body.slice(0, 10));
      setTimeout(() => {
        child.kill("SIGTERM");
        setTimeout(() => request.end(body.slice(10)), 1_000);
      }, 500);
    });
    const stoppedAt = Date.now();
    expect(await inFlight).toBe(401);
    const code = await Promise.race([
      stack.exited,
      new Promise((resolve) => setTimeout(() => resolve("still running"), DRAIN_MS + 5_000)),
    ]);
    expect(code, output).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(DRAIN_MS);
    const lines = output
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { name: string; msg: string });
    expect(smtp.received.map((mail) => [mail.envelope.to, mail.parsed.subject])).toEqual([
      [[email], verification!.parsed.subject],
      [[email], expect.stringMatching(/password/i)],
    ]);
    expect(
      lines
        .filter((line) => /^(stopped|worker stopped)$/.test(line.msg))
        .map((line) => line.name)
        .sort(),
    ).toEqual(["api", "start", "web", "worker"]);
  }, 180_000);
});

describe("the images", () => {
  const dockerfile = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
  const stage = (name: string) =>
    dockerfile.split(/^(?=FROM )/m).find((text) => new RegExp(`^FROM .* AS ${name}$`, "m").test(text)) ?? "";

  it.each(Object.entries(APPS))(
    "%s: deployed by deploy.mjs, run as the smoke test runs it, not as root",
    (app, spec) => {
      expect(dockerfile).toContain(`node tooling/deploy/deploy.mjs ${app} /deploy/${app}`);
      const text = stage(app);
      expect(text).toContain(`CMD ${JSON.stringify(spec.start)}`);
      expect(text).toMatch(/^USER node$/m);
      const manifest = JSON.parse(readFileSync(path.join(ROOT, "apps", app, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      };
      expect(manifest.scripts["start:prod"]).toBe(spec.start.join(" "));
    },
  );

  it("migrate with the API's image, by the step the smoke test runs", () => {
    const compose = readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8");
    expect(compose).toContain(`command: ${JSON.stringify(MIGRATE)}`);
  });
});

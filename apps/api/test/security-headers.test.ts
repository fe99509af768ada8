import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

import { serve } from "@hono/node-server";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { chromiumLaunchOptions } from "@cto/vitest-config/chromium";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues } from "@cto/queue/queues";

import { createApp } from "../src/app.ts";
import { signUp, useApi, visitor } from "./support/api.ts";
import { WEB_ORIGIN } from "./harness.ts";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const { harness } = useApi();

const directives = (policy: string | null) =>
  Object.fromEntries(
    (policy ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe("Content-Security-Policy", () => {
  it("locks down every API response: JSON, errors, the OpenAPI document", async () => {
    const user = await signUp(harness, "csp");
    const responses = [
      await harness.app.request("/health"),
      await harness.app.request("/openapi.json"),
      await harness.app.request("/no-such-route"),
      await harness.app.request("/goals"),
      await harness.app.request("/auth/sign-in", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{",
      }),
    ];
    for (const response of responses) {
      const policy = directives(response.headers.get("content-security-policy"));
      expect(policy["default-src"], response.url).toEqual(["'none'"]);
      expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    }
    expect(
      directives((await user.request("GET", "/goals")).headers.get("content-security-policy"))["default-src"],
    ).toEqual(["'none'"]);
  });
});

describe("Cache-Control: no-store", () => {
  it("on every response to a signed-in request, errors and streams included", async () => {
    const user = await signUp(harness, "nostore");
    const goal = await user.request("POST", "/goals", { title: "Ship it", period: "quarterly" });
    expect(goal.status).toBe(201);
    for (const [method, path] of [
      ["GET", "/auth/session"],
      ["GET", "/me"],
      ["GET", "/goals"],
      ["GET", `/goals/${goal.body.id}`],
      ["GET", `/goals/${crypto.randomUUID()}`],
      ["GET", "/me/export"],
      ["POST", "/goals"],
    ] as const) {
      const response = await user.request(method, path, method === "POST" ? {} : undefined);
      expect(response.headers.get("cache-control"), `${method} ${path} ${response.status}`).toBe("no-store");
    }
  });

  it("with an API key too", async () => {
    const user = await signUp(harness, "nostore-key");
    const key = (await user.request("POST", "/api-keys", { name: "cli" })).body.key as string;
    const response = await harness.app.request("/goals", { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("on the answers that set or clear the session cookie", async () => {
    const client = visitor(harness);
    const email = `nostore-${Date.now()}@example.com`;
    const signUp = await client.request("POST", "/auth/sign-up", { email, password: "correct horse battery" });
    expect(signUp.headers.get("cache-control")).toBe("no-store");
    const signIn = await visitor(harness).request("POST", "/auth/sign-in", {
      email,
      password: "correct horse battery",
    });
    expect(signIn.headers.get("cache-control")).toBe("no-store");
    expect((await client.request("POST", "/auth/sign-out")).headers.get("cache-control")).toBe("no-store");
  });

  it("not on public answers nobody signed in asked for", async () => {
    for (const path of ["/health", "/openapi.json"])
      expect((await harness.app.request(path)).headers.get("cache-control")).not.toBe("no-store");
  });
});

describe("Bull Board's page", () => {
  const prefix = `cto-test-board-csp-${process.pid}-${Date.now()}`;
  const connection = createProducerConnection(redisUrl);
  const queues = createQueues({ connection, prefix });
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    const app = createApp({ db: harness.db, config: harness.config, mailer: harness.mailer, ai: harness.ai, queues });
    server = await new Promise<Server>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started as Server));
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await queues.close();
    connection.disconnect();
  });

  it("runs under its own policy: its own scripts only, and nothing fetched from elsewhere", async () => {
    const admin = await signUp(harness, "board-admin");
    await harness.db.user.update({ where: { id: admin.userId }, data: { role: "ADMIN" } });
    const page = await fetch(`${origin}/admin/queues`, { headers: { cookie: admin.cookie, origin: WEB_ORIGIN } });
    expect(page.status).toBe(200);
    const policy = directives(page.headers.get("content-security-policy"));
    expect(policy["script-src"]).toEqual(["'self'"]);
    expect(policy["default-src"]).toEqual(["'none'"]);

    const chrome = await chromium.launch(chromiumLaunchOptions);
    try {
      const context = await chrome.newContext();
      const [name, value] = admin.cookie.split("=");
      await context.addCookies([{ name: name!, value: value!, url: origin }]);
      const tab = await context.newPage();
      const violations: string[] = [];
      tab.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      const elsewhere: string[] = [];
      await tab.route("**/*", (route) => {
        if (route.request().url().startsWith(origin)) return route.continue();
        elsewhere.push(route.request().url());
        return route.abort();
      });
      await tab.goto(`${origin}/admin/queues`);
      await tab.getByText("reminders", { exact: false }).first().waitFor({ timeout: 60_000 });
      // The one thing refused is the board's Google Fonts stylesheet (system fonts instead).
      expect(violations.filter((text) => !text.includes("fonts.googleapis.com"))).toEqual([]);
      expect(elsewhere).toEqual([]);
    } finally {
      await chrome.close();
    }
  }, 120_000);
});

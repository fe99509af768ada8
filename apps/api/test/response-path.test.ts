import type { Server } from "node:http";
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";

import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../src/app.ts";
import { signUp, useApi } from "./support/api.ts";
import { WEB_ORIGIN } from "./harness.ts";

// A small body limit, so that a body over it goes out in one write before the answer comes back.
const { harness } = useApi({ config: { maxBodyBytes: 4_000 } });
let server: Server;
let base: string;

type TRaw = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** One request over a real socket, headers as Node received them. */
const send = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
  new Promise<TRaw>((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });

/** A request whose body goes out in the given pieces, chunked (no content-length), one write each. */
const sendPieces = (method: string, path: string, headers: Record<string, string>, pieces: Buffer[]) =>
  new Promise<TRaw>((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    req.on("error", reject);
    const write = async () => {
      for (const piece of pieces) {
        req.write(piece);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      req.end();
    };
    void write();
  });

beforeAll(async () => {
  const app = createApp({ db: harness.db, config: harness.config, mailer: harness.mailer, ai: harness.ai });
  server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started as Server));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("answers over HTTP", () => {
  it("writes a JSON answer whole, with its length, and the web app's CORS headers", async () => {
    const user = await signUp(harness, "response-path");
    const answer = await send("GET", "/goals", { cookie: user.cookie, origin: WEB_ORIGIN });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-length"]).toBe(String(Buffer.byteLength(answer.body)));
    expect(answer.headers["transfer-encoding"]).toBeUndefined();
    expect(answer.headers["access-control-allow-origin"]).toBe(WEB_ORIGIN);
    expect(answer.headers["access-control-allow-credentials"]).toBe("true");
    expect(answer.headers["access-control-expose-headers"]?.toString().toLowerCase()).toContain("x-request-id");
    expect(answer.headers.vary).toBe("Origin");
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.headers["cto-api-version"]).toBe("1");
    expect(answer.headers["x-request-id"]).toBeTruthy();
    expect(JSON.parse(answer.body)).toEqual({ items: [], nextCursor: null });
  });

  it("gives errors and sign-ins the same headers, cookies kept", async () => {
    const missing = await send("GET", "/no-such-route", { origin: WEB_ORIGIN });
    expect(missing.status).toBe(404);
    expect(missing.headers["access-control-allow-origin"]).toBe(WEB_ORIGIN);
    expect(missing.headers["content-length"]).toBe(String(Buffer.byteLength(missing.body)));
    expect(JSON.parse(missing.body).error.code).toBe("not_found");

    const email = `response-path-${Date.now()}@example.com`;
    const signedUp = await send(
      "POST",
      "/auth/sign-up",
      { origin: WEB_ORIGIN, "content-type": "application/json" },
      JSON.stringify({ email, password: "correct horse battery", name: "R" }),
    );
    expect(signedUp.status).toBe(201);
    expect(signedUp.headers["set-cookie"]?.[0]).toMatch(/^cto_session=/);
    expect(signedUp.headers["cache-control"]).toBe("no-store");
    expect(signedUp.headers["access-control-allow-origin"]).toBe(WEB_ORIGIN);
  });

  it("names no origin but the web app's", async () => {
    const foreign = await send("GET", "/health", { origin: "https://evil.example" });
    expect(foreign.headers["access-control-allow-origin"]).toBeUndefined();
    expect(foreign.headers.vary).toBe("Origin");
    const none = await send("GET", "/health");
    expect(none.headers["access-control-allow-origin"]).toBeUndefined();
    const preflight = await send("OPTIONS", "/goals", {
      origin: "https://evil.example",
      "access-control-request-method": "POST",
    });
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("limits the body of a write, and never reads one sent with a read", async () => {
    const huge = "x".repeat(harness.config.maxBodyBytes + 1);
    const headers = { "content-type": "application/json", "content-length": String(huge.length), origin: WEB_ORIGIN };
    const refused = await send("POST", "/auth/sign-in", headers, huge);
    expect(refused.status).toBe(413);
    expect(refused.headers["access-control-allow-origin"]).toBe(WEB_ORIGIN);
    expect(JSON.parse(refused.body).error.code).toBe("payload_too_large");
    const read = await send("GET", "/health", headers, huge);
    expect(read.status).toBe(200);
  });

  it("reads a JSON write's body from Node's own request: pieces, a BOM, limits and nesting", async () => {
    const user = await signUp(harness, "response-path-body");
    const headers = { cookie: user.cookie, origin: WEB_ORIGIN, "content-type": "application/json" };
    const note = "Ünïcödé ✈️ 日本語 — split across pieces";
    const body = Buffer.from(JSON.stringify({ label: "calm", valence: "positive", intensity: 3, note }));
    // Cut inside a multi-byte character, sent chunked in five writes.
    const cut = body.indexOf(Buffer.from("✈️")) + 1;
    const pieces = [body.subarray(0, 3), body.subarray(3, cut), body.subarray(cut, cut + 2), body.subarray(cut + 2)];
    const created = await sendPieces("POST", "/emotions", headers, [Buffer.from("\uFEFF"), ...pieces]);
    expect(created.status, created.body).toBe(201);
    expect(JSON.parse(created.body)).toMatchObject({ label: "calm", note });

    // Over the limit without a length header: counted as it arrives, refused, and the server goes on.
    const pad = Buffer.alloc(harness.config.maxBodyBytes, " ");
    const chunkedHuge = await sendPieces("POST", "/emotions", headers, [body.subarray(0, 1), pad, pad]);
    expect(chunkedHuge.status).toBe(413);
    expect(JSON.parse(chunkedHuge.body).error.code).toBe("payload_too_large");
    // Exactly at the limit is not over it.
    const atLimit = Buffer.concat([body, Buffer.alloc(harness.config.maxBodyBytes - body.length, " ")]);
    expect((await sendPieces("POST", "/emotions", headers, [atLimit])).status).toBe(201);

    const deep = `${"[".repeat(200)}${"]".repeat(200)}`;
    const tooDeep = await send("POST", "/emotions", headers, deep);
    expect(tooDeep.status).toBe(400);
    expect(JSON.parse(tooDeep.body).error.details?.[0]?.message ?? tooDeep.body).toMatch(/Nested deeper/);
    const broken = await send("POST", "/emotions", headers, '{"label": "calm",');
    expect(broken.status).toBe(400);
    const notJson = await send("POST", "/emotions", { ...headers, "content-type": "text/plain" }, "calm");
    expect(notJson.status).toBe(415);
    expect((await send("GET", "/emotions", { cookie: user.cookie })).body).toContain(note);
  });
});

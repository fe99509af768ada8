// Two API instances serving HTTP on one database and one Redis, each with an auth cache of its own
// (lib/auth-cache.ts): a credential one instance has cached stops working there as soon as the other
// instance has answered the request that revoked it.
import type { AddressInfo } from "node:net";

import { serve, type ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createProducerConnection } from "@cto/queue/connection";

import { createApp } from "../src/app.ts";
import { createAuthCache, type TAuthCache } from "../src/lib/auth-cache.ts";
import { startApi, WEB_ORIGIN, type Harness } from "./harness.ts";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `cto-test-auth-${process.pid}-${Date.now()}`;
const PASSWORD = "correct horse battery";

let harness: Harness;
const caches: TAuthCache[] = [];
const connections: Array<ReturnType<typeof createProducerConnection>> = [];
const servers: ServerType[] = [];

/** Another instance: an app with a cache of its own (its own connections and memory) on a port of its own. */
const instance = async (url = redisUrl) => {
  const redis = createProducerConnection(url);
  redis.on("error", () => undefined);
  connections.push(redis);
  const authCache = createAuthCache({ redis, prefix });
  caches.push(authCache);
  const app = createApp({ db: harness.db, config: harness.config, mailer: harness.mailer, ai: harness.ai, authCache });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

type TCredentials = { cookie?: string; bearer?: string };
const call = async (
  base: string,
  method: string,
  path: string,
  { cookie, bearer }: TCredentials = {},
  body?: unknown,
) => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      origin: WEB_ORIGIN,
      ...(cookie ? { cookie } : {}),
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("cto_session="));
  return { status: response.status, body: text ? JSON.parse(text) : null, cookie: session?.split(";")[0] };
};

let one: string;
let two: string;
let users = 0;
const signUp = async () => {
  const email = `auth-cache-${Date.now()}-${users++}@example.com`;
  const response = await call(one, "POST", "/auth/sign-up", {}, { email, password: PASSWORD });
  expect(response.status).toBe(201);
  return { email, cookie: response.cookie! };
};
const signIn = async (email: string) =>
  (await call(one, "POST", "/auth/sign-in", {}, { email, password: PASSWORD })).cookie!;
const newKey = async () => {
  const { cookie } = await signUp();
  const created = await call(one, "POST", "/api-keys", { cookie }, { name: "cli" });
  expect(created.status).toBe(201);
  return { cookie, id: created.body.id as string, bearer: created.body.key as string };
};

beforeAll(async () => {
  harness = await startApi();
  [one, two] = [await instance(), await instance()];
  // Both connections, and so their subscriptions, are up before any test counts on them.
  await Promise.all(
    connections.map((redis) =>
      redis.status === "ready" ? null : new Promise((resolve) => redis.once("ready", resolve)),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
});
afterAll(async () => {
  for (const server of servers) server.close();
  for (const cache of caches) cache.close();
  const keys = await connections[0]!.keys(`${prefix}:*`);
  if (keys.length) await connections[0]!.del(...keys);
  for (const redis of connections) redis.disconnect();
  await harness?.close();
});

describe("the auth cache shared by API instances", () => {
  it("answers from the cache: a key revoked behind the API's back (SQL) is not seen until the entry expires", async () => {
    const { id, bearer } = await newKey();
    expect((await call(two, "GET", "/auth/session", { bearer })).status).toBe(200);
    await harness.db.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    expect((await call(two, "GET", "/auth/session", { bearer })).status).toBe(200);
  });

  it("a key revoked through one instance is refused by the other at once", async () => {
    const { cookie, id, bearer } = await newKey();
    for (let i = 0; i < 3; i++) expect((await call(two, "GET", "/goals", { bearer })).status).toBe(200);
    expect((await call(one, "DELETE", `/api-keys/${id}`, { cookie })).status).toBe(204);
    expect((await call(two, "GET", "/goals", { bearer })).status).toBe(401);
    expect((await call(one, "GET", "/goals", { bearer })).status).toBe(401);
  });

  it("a session signed out through one instance is refused by the other at once, and so is one revoked from another session", async () => {
    const { email, cookie } = await signUp();
    expect((await call(two, "GET", "/auth/session", { cookie })).status).toBe(200);
    expect((await call(one, "POST", "/auth/sign-out", { cookie })).status).toBe(204);
    expect((await call(two, "GET", "/auth/session", { cookie })).status).toBe(401);

    const [laptop, phone] = [await signIn(email), await signIn(email)];
    expect((await call(two, "GET", "/goals", { cookie: laptop })).status).toBe(200);
    const sessions = await call(one, "GET", "/sessions", { cookie: phone });
    const laptopSession = sessions.body.items.find((session: { current: boolean }) => !session.current);
    expect((await call(one, "DELETE", `/sessions/${laptopSession.id}`, { cookie: phone })).status).toBe(204);
    expect((await call(two, "GET", "/goals", { cookie: laptop })).status).toBe(401);
    expect((await call(two, "GET", "/goals", { cookie: phone })).status).toBe(200);
  });

  it("a password reset through one instance signs out the sessions the other has cached", async () => {
    const { email, cookie } = await signUp();
    expect((await call(two, "GET", "/auth/session", { cookie })).status).toBe(200);
    expect((await call(one, "POST", "/auth/password-reset", {}, { email })).status).toBe(202);
    const mail = (await harness.mailer.list()).find((item) => item.to === email)!;
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    expect(
      (await call(one, "POST", "/auth/password-reset/confirm", {}, { token, password: "a brand new passphrase" }))
        .status,
    ).toBe(204);
    expect((await call(two, "GET", "/auth/session", { cookie })).status).toBe(401);
  });

  it("an account deleted through one instance leaves the other no session or key to answer for", async () => {
    const { cookie, bearer } = await newKey();
    expect((await call(two, "GET", "/goals", { bearer })).status).toBe(200);
    expect((await call(two, "GET", "/goals", { cookie })).status).toBe(200);
    expect((await call(one, "DELETE", "/me", { cookie }, { password: PASSWORD })).status).toBe(204);
    expect((await call(two, "GET", "/goals", { bearer })).status).toBe(401);
    expect((await call(two, "GET", "/goals", { cookie })).status).toBe(401);
  });

  it("without Redis every request asks the database, and a revoke still takes effect", async () => {
    const offline = await instance("redis://127.0.0.1:1");
    const { cookie, id, bearer } = await newKey();
    expect((await call(offline, "GET", "/goals", { bearer })).status).toBe(200);
    expect((await call(one, "DELETE", `/api-keys/${id}`, { cookie })).status).toBe(204);
    expect((await call(offline, "GET", "/goals", { bearer })).status).toBe(401);
  });

  it("a forget Redis answered in time reaches the other instance even when the event loop stalled past every bound", async () => {
    const errors: unknown[] = [];
    const bounds = { prefix, timeoutMs: 50, forgetTimeoutMs: 50, onError: (error: unknown) => errors.push(error) };
    const [revoking, other] = [createAuthCache({ redis: connections[0]!, ...bounds }), caches[1]!];
    caches.push(revoking);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const hash = `stalled-${Date.now()}`;
    let valid = true;
    const load = async () => (valid ? { userId: "someone" } : null);
    expect(await other.read(hash, load)).toEqual({ userId: "someone" });
    valid = false;
    expect(await other.read(hash, load)).toEqual({ userId: "someone" });
    const forgotten = revoking.forget([hash]);
    const until = Date.now() + 300;
    while (Date.now() < until);
    await forgotten;
    // Redis may answer the publisher a moment before it writes to the subscribers; the next request to
    // another instance comes at least one round trip later, as this one does.
    await connections[1]!.ping();
    expect(errors).toEqual([]);
    expect(await other.read(hash, load)).toBeNull();
  });
});

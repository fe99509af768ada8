import { afterAll, describe, expect, it } from "vitest";

import { Redis } from "ioredis";

import { createProducerConnection } from "@cto/queue/connection";

import { createApp, type AppDependencies } from "../src/app.ts";
import { GENEROUS_AUTH_LIMITS } from "../src/context.ts";
import { ZTrustProxySchema } from "../src/lib/client-address.ts";
import { redisReady } from "../src/middleware/rate-limit.ts";
import { DEFAULT_AUTH_LIMITS, type TAuthLimits } from "../src/services/auth-limits.ts";
import { useApi, type TClient } from "./support/api.ts";
import { WEB_ORIGIN } from "./harness.ts";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const PASSWORD = "correct horse battery";

const { harness } = useApi();

type TApp = ReturnType<typeof createApp>;

/** An API on the shared test database with these limits (the rest out of reach). */
const apiWith = (
  limits: Partial<TAuthLimits>,
  { trustProxy, ...dependencies }: Partial<AppDependencies> & { trustProxy?: string } = {},
) =>
  createApp({
    db: harness.db,
    mailer: harness.mailer,
    ai: harness.ai,
    devRoutes: true,
    config: {
      ...harness.config,
      authLimits: { ...GENEROUS_AUTH_LIMITS, ...limits },
      trustProxy: ZTrustProxySchema.parse(trustProxy),
    },
    ...dependencies,
  });

/** A browser at a socket address (as @hono/node-server hands it over), keeping every cookie it is given. */
const browserAt = (app: TApp, address: string) => {
  const jar = new Map<string, string>();
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
    const init = {
      method,
      headers: {
        origin: WEB_ORIGIN,
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    };
    const response = await app.request(path, init, { incoming: { socket: { remoteAddress: address } } });
    for (const line of response.headers.getSetCookie()) {
      const [name, value = ""] = line.split(";")[0]!.split("=");
      if (value) jar.set(name!, value);
      else jar.delete(name!);
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };
  return { request: request as TClient["request"], jar };
};

let counter = 0;
const newEmail = (name: string) => `${name}-${Date.now()}-${counter++}@example.com`;
/** Signs up from a browser of its own; that browser is then trusted for the account. */
const signedUp = async (app: TApp, name: string, address = "192.0.2.1") => {
  const browser = browserAt(app, address);
  const email = newEmail(name);
  expect((await browser.request("POST", "/auth/sign-up", { email, password: PASSWORD })).status).toBe(201);
  return { email, browser };
};
const signIn = (app: TApp, address: string, email: string, password: string, headers: Record<string, string> = {}) =>
  browserAt(app, address).request("POST", "/auth/sign-in", { email, password }, headers);

describe("the client address comes from the socket, not from headers the client sets", () => {
  it("refuses 40 wrong sign-ins with a rotating X-Forwarded-For, and the right password after them", async () => {
    const app = apiWith(DEFAULT_AUTH_LIMITS);
    const victim = await signedUp(app, "victim", "192.0.2.50");
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++)
      statuses.push(
        (await signIn(app, "203.0.113.66", victim.email, `wrong guess ${i}`, { "x-forwarded-for": `10.${i}.0.1` }))
          .status,
      );
    expect(statuses.filter((status) => status === 401)).toHaveLength(DEFAULT_AUTH_LIMITS.signInFailures.limit);
    expect(statuses.slice(DEFAULT_AUTH_LIMITS.signInFailures.limit).every((status) => status === 429)).toBe(true);
    const right = await signIn(app, "203.0.113.66", victim.email, PASSWORD, { "x-forwarded-for": "10.99.0.1" });
    expect(right.status).toBe(429);
    expect(right.body.error?.code).toBe("rate_limited");
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(right.headers.get("retry-after"))).toBeLessThanOrEqual(
      DEFAULT_AUTH_LIMITS.signInFailures.windowMs / 1000,
    );
  });

  it("counts every auth request per address: rotating X-Forwarded-For across many emails still ends in 429", async () => {
    const app = apiWith({ address: { limit: 5, windowMs: 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push(
        (await signIn(app, "203.0.113.67", newEmail("spray"), "wrong guess", { "x-forwarded-for": `10.${i}.0.1` }))
          .status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // The limit is the address's, not everyone's.
    expect((await signIn(app, "203.0.113.68", newEmail("other"), "wrong guess")).status).toBe(401);
    // An IPv6 client is one client across its /64.
    for (let i = 0; i < 5; i++) await signIn(app, `2001:db8:5:6::${i + 1}`, newEmail("v6"), "wrong guess");
    expect((await signIn(app, "2001:db8:5:6:ffff::9", newEmail("v6"), "wrong guess")).status).toBe(429);
  });

  it("counts a provider sign-in's start and callback as auth requests of the address", async () => {
    const app = apiWith({ address: { limit: 3, windowMs: 60_000 } });
    const browser = browserAt(app, "203.0.113.90");
    const statuses: number[] = [];
    for (const step of ["start", "callback", "start", "callback"])
      statuses.push((await browser.request("GET", `/auth/oauth/github/${step}`)).status);
    // No provider is configured here: a start is a 404, a callback goes back to the sign-in page; the fourth is one too many.
    expect(statuses).toEqual([404, 302, 404, 429]);
  });

  it("behind trusted proxies (TRUST_PROXY ranges), limits the address the nearest trusted proxy saw", async () => {
    const app = apiWith({ address: { limit: 3, windowMs: 60_000 } }, { trustProxy: "10.0.0.0/8" });
    const viaProxy = (client: string, spoofed: string) =>
      signIn(app, "10.0.0.5", newEmail("proxied"), "wrong guess", { "x-forwarded-for": `${spoofed}, ${client}` });
    for (let i = 0; i < 3; i++) expect((await viaProxy("198.51.100.20", `6.6.6.${i}`)).status).toBe(401);
    expect((await viaProxy("198.51.100.20", "6.6.6.99")).status).toBe(429);
    expect((await viaProxy("198.51.100.21", "6.6.6.99")).status).toBe(401);
    // Not through a trusted proxy: the header is the client's word and counts for nothing.
    expect(
      (await signIn(app, "198.51.100.22", newEmail("direct"), "wrong guess", { "x-forwarded-for": "198.51.100.21" }))
        .status,
    ).toBe(401);
  });

  it("behind trusted proxies (TRUST_PROXY hops), limits the address that many hops from the right, and stores it on the session", async () => {
    const app = apiWith({ address: { limit: 2, windowMs: 60_000 } }, { trustProxy: "1" });
    const { email } = await signedUp(app, "hops", "192.0.2.77");
    const signedIn = await signIn(app, "10.0.0.5", email, PASSWORD, { "x-forwarded-for": "6.6.6.6, 198.51.100.30" });
    expect(signedIn.status).toBe(200);
    const sessions = await harness.db.session.findMany({ where: { user: { email } }, orderBy: { createdAt: "asc" } });
    expect(sessions.map((session) => session.ipAddress)).toEqual(["192.0.2.77", "198.51.100.30"]);
    expect(
      (await signIn(app, "10.0.0.5", email, "wrong guess", { "x-forwarded-for": "7.7.7.7, 198.51.100.30" })).status,
    ).toBe(401);
    expect(
      (await signIn(app, "10.0.0.5", email, PASSWORD, { "x-forwarded-for": "8.8.8.8, 198.51.100.30" })).status,
    ).toBe(429);
  });
});

describe("limits per account", () => {
  const limits = {
    signInFailures: { limit: 3, windowMs: 60_000 },
    trustedBrowserFailures: { limit: 2, windowMs: 60_000 },
  };

  it("locks an account's sign-in after its failures, from every address, but never on a browser that signed in to it before", async () => {
    const app = apiWith(limits);
    const owner = await signedUp(app, "owner");
    for (let i = 0; i < 3; i++)
      expect((await signIn(app, `198.51.100.${40 + i}`, owner.email, "wrong guess")).status).toBe(401);
    const locked = await signIn(app, "198.51.100.50", owner.email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error?.message).toMatch(/reset your password/);
    // Someone else's account is not touched.
    const neighbour = await signedUp(app, "neighbour");
    expect((await signIn(app, "198.51.100.51", neighbour.email, PASSWORD)).status).toBe(200);
    // The owner's own browser has its own count: strangers' failures do not lock it out.
    expect(
      (await owner.browser.request("POST", "/auth/sign-in", { email: owner.email, password: PASSWORD })).status,
    ).toBe(200);
    expect(
      (await owner.browser.request("POST", "/auth/sign-in", { email: owner.email, password: PASSWORD })).status,
    ).toBe(200);
    // …but guessing on it is limited too.
    expect(
      (await owner.browser.request("POST", "/auth/sign-in", { email: owner.email, password: "wrong" })).status,
    ).toBe(401);
    expect(
      (await owner.browser.request("POST", "/auth/sign-in", { email: owner.email, password: "wrong" })).status,
    ).toBe(401);
    expect(
      (await owner.browser.request("POST", "/auth/sign-in", { email: owner.email, password: PASSWORD })).status,
    ).toBe(429);
    // A made-up device cookie is a stranger's browser.
    expect(
      (await signIn(app, "198.51.100.52", owner.email, PASSWORD, { cookie: `cto_device=${"A".repeat(43)}` })).status,
    ).toBe(429);
  });

  it("counts unknown emails the same way, so a lock tells nothing about whether an account exists", async () => {
    const app = apiWith(limits);
    const nobody = newEmail("nobody");
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await signIn(app, `198.51.100.${60 + i}`, nobody, "wrong guess")).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("counts parallel guesses before checking them, so a burst cannot slip past the limit", async () => {
    const app = apiWith(limits);
    const { email } = await signedUp(app, "burst");
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signIn(app, `198.51.100.${70 + i}`, email, `wrong ${i}`).then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(9);
  });

  it("ends a lock when its window ends: refused attempts never extend it", async () => {
    const app = apiWith({ signInFailures: { limit: 2, windowMs: 2_000 } });
    const { email } = await signedUp(app, "window");
    const lockedAt = Date.now();
    for (let i = 0; i < 2; i++) await signIn(app, "198.51.100.90", email, "wrong guess");
    // An attacker keeps hammering while locked.
    while (Date.now() - lockedAt < 1_800) {
      expect((await signIn(app, "198.51.100.91", email, "wrong guess")).status).toBe(429);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 2_300 - (Date.now() - lockedAt))));
    expect((await signIn(app, "198.51.100.92", email, PASSWORD)).status).toBe(200);
  });

  it("lifts the lock when the owner resets the password (the reset path stays open while locked)", async () => {
    const app = apiWith(limits);
    const { email } = await signedUp(app, "unlock");
    for (let i = 0; i < 4; i++) await signIn(app, "198.51.100.100", email, "wrong guess");
    expect((await signIn(app, "198.51.100.101", email, PASSWORD)).status).toBe(429);
    const stranger = browserAt(app, "198.51.100.102");
    expect((await stranger.request("POST", "/auth/password-reset", { email })).status).toBe(202);
    const mail = (await harness.mailer.list()).find((item) => item.to === email)!;
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    expect(
      (await stranger.request("POST", "/auth/password-reset/confirm", { token, password: "a new long passphrase" }))
        .status,
    ).toBe(204);
    expect((await signIn(app, "198.51.100.103", email, "a new long passphrase")).status).toBe(200);
  });

  it("limits reset and verification emails per address, known or not, and sends nothing past it", async () => {
    const app = apiWith({ emails: { limit: 2, windowMs: 60_000 } });
    const { email, browser } = await signedUp(app, "mails");
    const sent = async () => (await harness.mailer.list()).filter((item) => item.to === email).length;
    // Sign-up's own verification mail is not one of the limited requests.
    const atSignUp = await sent();
    const ask = (target: string, i: number) =>
      browserAt(app, `198.51.100.${110 + i}`).request("POST", "/auth/password-reset", { email: target });
    expect((await ask(email, 0)).status).toBe(202);
    expect((await browser.request("POST", "/auth/verify-email/request")).status).toBe(202);
    const refused = await ask(email, 1);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await browser.request("POST", "/auth/verify-email/request")).status).toBe(429);
    expect(await sent()).toBe(atSignUp + 2);
    const unknown = newEmail("unknown");
    expect([(await ask(unknown, 2)).status, (await ask(unknown, 3)).status, (await ask(unknown, 4)).status]).toEqual([
      202, 202, 429,
    ]);
    // Case and spaces do not make a new address.
    expect((await ask(` ${email.toUpperCase()} `, 5)).status).toBe(429);
  });

  it("limits accounts created per address; a refused sign-up does not count", async () => {
    const app = apiWith({ signUps: { limit: 2, windowMs: 60_000 } });
    const first = await signedUp(app, "signup", "198.51.100.120");
    expect(
      (
        await browserAt(app, "198.51.100.120").request("POST", "/auth/sign-up", {
          email: first.email,
          password: PASSWORD,
        })
      ).status,
    ).toBe(409);
    await signedUp(app, "signup", "198.51.100.120");
    const refused = await browserAt(app, "198.51.100.120").request(
      "POST",
      "/auth/sign-up",
      { email: newEmail("signup"), password: PASSWORD },
      { "x-forwarded-for": "10.1.1.1" },
    );
    expect(refused.status).toBe(429);
    expect(refused.body.error?.message).toMatch(/accounts created from your address/);
    await signedUp(app, "signup", "198.51.100.121");
  });
});

describe("where the limits live", () => {
  const prefix = `cto-test-limits-${process.pid}-${Date.now()}`;
  const connections: Redis[] = [];
  /** The API's kind of connection (fail-fast producer), ready unless `url` is unreachable. */
  const connect = async (url = redisUrl, waitMs = 2_000) => {
    const connection = createProducerConnection(url);
    connection.on("error", () => undefined);
    connections.push(connection);
    await redisReady(connection, waitMs);
    return connection;
  };
  const inspector = new Redis(redisUrl);
  const keys = (pattern: string) => inspector.keys(`${prefix}${pattern}`);
  afterAll(async () => {
    const left = await keys("*");
    if (left.length) await inspector.del(...left);
    inspector.disconnect();
    for (const connection of connections) connection.disconnect();
  });

  it("shares one count between two API instances on one Redis", async () => {
    const limits = { signInFailures: { limit: 4, windowMs: 60_000 }, address: { limit: 6, windowMs: 60_000 } };
    const [one, two] = [
      apiWith(limits, { limitStore: { redis: await connect(), prefix } }),
      apiWith(limits, { limitStore: { redis: await connect(), prefix } }),
    ];
    const { email, browser: owner } = await signedUp(one, "shared", "192.0.2.200");
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await signIn(i % 2 ? two : one, `198.51.100.${130 + i}`, email, "wrong guess")).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect((await signIn(two, "198.51.100.140", email, PASSWORD)).status).toBe(429);
    // The browser that signed up on instance one is trusted on instance two.
    const viaTwo = await browserAt(two, "192.0.2.201").request(
      "POST",
      "/auth/sign-in",
      { email, password: PASSWORD },
      { cookie: `cto_device=${owner.jar.get("cto_device")}` },
    );
    expect(viaTwo.status).toBe(200);
    // Per-address counts are shared too: 6 requests from one address over both instances, then 429.
    const address = "198.51.100.141";
    const spread = [];
    for (let i = 0; i < 7; i++)
      spread.push((await signIn(i % 2 ? two : one, address, newEmail("spread"), "wrong guess")).status);
    expect(spread).toEqual([401, 401, 401, 401, 401, 401, 429]);
    // The victim, and the six spread emails that got past the address limit.
    expect(await keys(":sign-in-failures:*")).toHaveLength(1 + 6);
    expect(await keys(":trusted-browsers:*")).toHaveLength(1);
    // Keys are digests: Redis holds no email and no IP address.
    const stored = (await keys("*")).join(" ");
    expect(stored).not.toContain(email);
    expect(stored).not.toContain(address);
  });

  it("counts in this process when Redis is unreachable, quickly and without a 5xx", async () => {
    const redis = await connect("redis://127.0.0.1:1", 0);
    expect(await redisReady(redis, 300)).toBe(false);
    const app = apiWith({ signInFailures: { limit: 2, windowMs: 60_000 } }, { limitStore: { redis, prefix } });
    const { email } = await signedUp(app, "noredis");
    const started = Date.now();
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await signIn(app, `198.51.100.${150 + i}`, email, "wrong guess")).status);
    expect(statuses).toEqual([401, 401, 429]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("keeps limiting when Redis goes away mid-way, and answers no 5xx", async () => {
    const redis = await connect();
    expect(redis.status).toBe("ready");
    const app = apiWith({ signInFailures: { limit: 3, windowMs: 60_000 } }, { limitStore: { redis, prefix } });
    const { email } = await signedUp(app, "flaky");
    expect((await signIn(app, "198.51.100.160", email, "wrong guess")).status).toBe(401);
    redis.disconnect();
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await signIn(app, `198.51.100.${161 + i}`, email, "wrong guess")).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("says whether Redis is there: ready at once when it is", async () => {
    const redis = createProducerConnection(redisUrl);
    connections.push(redis);
    expect(await redisReady(redis, 2_000)).toBe(true);
    expect(await redisReady(redis, 1)).toBe(true);
  });
});

import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { LAST_SEEN_EVERY_MS, touchLastSeen } from "../src/services/last-seen.ts";
import { fieldPaths, signUp, useApi, visitor } from "./support/api.ts";

const { harness } = useApi();

describe("sign-up, sign-in, session, sign-out", () => {
  it("signs up, sets an httpOnly session cookie, and stores only a hash of the token", async () => {
    const client = visitor(harness);
    const response = await client.request("POST", "/auth/sign-up", {
      email: "  Ada@Example.com ",
      password: "correct horse battery",
      name: "Ada",
    });
    expect(response.status).toBe(201);
    expect(response.body.user).toMatchObject({ email: "ada@example.com", name: "Ada", role: "user" });
    expect(response.body.user).not.toHaveProperty("passwordHash");
    expect(typeof response.body.user.createdAt).toBe("number");
    const setCookie = response.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/cto_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    const token = client.cookie.split("=")[1]!;
    const stored = await harness.db.session.findMany({ where: { user: { email: "ada@example.com" } } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.sessionToken).toBe(createHash("sha256").update(token).digest("hex"));
    const user = await harness.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await client.request("GET", "/auth/session")).body.user.email).toBe("ada@example.com");
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    const response = await visitor(harness).request("POST", "/auth/sign-up", {
      email: "ADA@example.com",
      password: "another long password",
    });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: "conflict", requestId: expect.any(String) });
  });

  it("signs in with a new token each time, and signs out by revoking the session", async () => {
    const first = visitor(harness);
    expect(
      (await first.request("POST", "/auth/sign-in", { email: "ada@example.com", password: "correct horse battery" }))
        .status,
    ).toBe(200);
    const second = visitor(harness);
    await second.request("POST", "/auth/sign-in", { email: "ada@example.com", password: "correct horse battery" });
    expect(first.cookie).not.toBe(second.cookie);
    const signedOutCookie = first.cookie;
    expect((await first.request("POST", "/auth/sign-out")).status).toBe(204);
    first.cookie = signedOutCookie;
    expect((await first.request("GET", "/auth/session")).status).toBe(401);
    expect((await second.request("GET", "/auth/session")).status).toBe(200);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const wrong = await visitor(harness).request("POST", "/auth/sign-in", {
      email: "ada@example.com",
      password: "wrong password!",
    });
    const unknown = await visitor(harness).request("POST", "/auth/sign-in", {
      email: "nobody@example.com",
      password: "wrong password!",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error?.message).toBe(unknown.body.error?.message);
  });

  it("refuses weak passwords and malformed emails with field paths", async () => {
    const response = await visitor(harness).request("POST", "/auth/sign-up", {
      email: "not-an-email",
      password: "short",
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.code).toBe("validation_failed");
    expect(fieldPaths(response)).toEqual(["email", "password"]);
  });

  it("expires sessions after their idle time and their absolute lifetime", async () => {
    const client = await signUp(harness, "expiry");
    await harness.db.session.updateMany({
      where: { userId: client.userId },
      data: { expires: new Date(Date.now() - 1000) },
    });
    expect((await client.request("GET", "/auth/session")).status).toBe(401);
    expect(await harness.db.session.count({ where: { userId: client.userId } })).toBe(0);
    await client.request("POST", "/auth/sign-in", { email: client.email, password: "correct horse battery" });
    await harness.db.session.updateMany({
      where: { userId: client.userId },
      data: { absoluteExpiresAt: new Date(Date.now() - 1000) },
    });
    expect((await client.request("GET", "/auth/session")).status).toBe(401);
  });
});

describe("CSRF protection and API keys", () => {
  it("refuses cookie-authenticated writes from another origin or without an Origin", async () => {
    const client = await signUp(harness, "csrf");
    const evil = visitor(harness, "https://evil.example");
    evil.cookie = client.cookie;
    const response = await evil.request("POST", "/api-keys", { name: "stolen" });
    expect(response.status).toBe(403);
    expect(response.body.error?.code).toBe("forbidden");
    expect(await harness.db.apiKey.count({ where: { userId: client.userId } })).toBe(0);
    expect((await evil.request("GET", "/auth/session")).status).toBe(200);
  });

  it("creates an API key shown once, accepts it as a bearer token, and refuses it once revoked", async () => {
    const client = await signUp(harness, "keys");
    const created = await client.request("POST", "/api-keys", { name: "CLI" });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^cto_[A-Za-z0-9_-]{43}$/);
    const listed = await client.request("GET", "/api-keys");
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);

    const bearer = (key: string) =>
      harness.app.request("/auth/session", { headers: { authorization: `Bearer ${key}` } });
    const asKey = await bearer(created.body.key);
    expect(asKey.status).toBe(200);
    expect(((await asKey.json()) as { via: string }).via).toBe("api_key");
    expect((await bearer("cto_not-a-real-key")).status).toBe(401);

    expect((await client.request("DELETE", `/api-keys/${created.body.id}`)).status).toBe(204);
    expect((await bearer(created.body.key)).status).toBe(401);
    expect((await client.request("DELETE", `/api-keys/${created.body.id}`)).status).toBe(404);
  });

  it("keeps lastSeenAt current from requests, writing it at most once per LAST_SEEN_EVERY_MS and leaving updatedAt", async () => {
    const client = await signUp(harness, "seen");
    const where = { id: client.userId };
    const longAgo = new Date(Date.now() - 40 * 86_400_000);
    const { updatedAt } = await harness.db.user.update({ where, data: { lastSeenAt: longAgo } });
    const { key } = (await client.request("POST", "/api-keys", { name: "seen" })).body;
    const before = Date.now();
    const asKey = await harness.app.request("/me", { headers: { authorization: `Bearer ${key}` } });
    expect(asKey.status).toBe(200);
    const seen = await harness.db.user.findUniqueOrThrow({ where });
    expect(seen.lastSeenAt!.getTime()).toBeGreaterThanOrEqual(before);
    expect(seen.updatedAt).toEqual(updatedAt);

    const at = seen.lastSeenAt!.getTime();
    expect(await touchLastSeen(harness.db, client.userId, at + LAST_SEEN_EVERY_MS - 1)).toBe(0);
    expect(await touchLastSeen(harness.db, client.userId, at + LAST_SEEN_EVERY_MS + 1)).toBe(1);
    expect((await harness.db.user.findUniqueOrThrow({ where })).lastSeenAt!.getTime()).toBe(
      at + LAST_SEEN_EVERY_MS + 1,
    );
  });

  it("never lets a user revoke another user's key", async () => {
    const owner = await signUp(harness, "owner");
    const other = await signUp(harness, "other");
    const { body } = await owner.request("POST", "/api-keys", { name: "mine" });
    expect((await other.request("DELETE", `/api-keys/${body.id}`)).status).toBe(404);
    expect((await harness.db.apiKey.findUniqueOrThrow({ where: { id: body.id } })).revokedAt).toBeNull();
  });
});

describe("malformed requests never reach a handler", () => {
  it("answers 401 without credentials, 415 for non-JSON, 400 for malformed JSON, 413 for huge bodies, 404/405 for unknown routes", async () => {
    expect((await harness.app.request("/auth/session")).status).toBe(401);
    const form = await harness.app.request("/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "email=a",
    });
    expect(form.status).toBe(415);
    const malformed = await harness.app.request("/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toMatch(
      /bad_request|validation_failed/,
    );
    const huge = await harness.app.request("/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a@b.co", password: "x".repeat(2_000_000) }),
    });
    expect(huge.status).toBe(413);
    const unknown = await harness.app.request("/nope");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: unknown }).error).toMatchObject({
      code: "not_found",
      requestId: expect.any(String),
    });
    const wrongMethod = await harness.app.request("/auth/sign-in", { method: "GET" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toContain("POST");
    // A trailing slash, as an empty path parameter leaves it (`PATCH /auth/passkeys/`), is no route: the
    // router's paths are strict, so answering 405 with `GET` allowed would be wrong for `GET /auth/passkeys/`.
    for (const method of ["GET", "PATCH"]) {
      const slashed = await harness.app.request("/auth/passkeys/", { method });
      expect(slashed.status).toBe(404);
      expect(slashed.headers.get("allow")).toBeNull();
    }
  });

  it("serves the OpenAPI 3.1 document and the interactive docs", async () => {
    const document = (await (await harness.app.request("/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/auth/sign-up", "/auth/sign-in", "/api-keys", "/api-keys/{id}"]),
    );
    expect((await harness.app.request("/docs")).status).toBe(200);
  });
});

describe("security headers and CORS", () => {
  it("sends security headers on every response", async () => {
    const response = await harness.app.request("/health");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(response.headers.get("strict-transport-security")).toContain("max-age=");
    expect(response.headers.get("x-request-id")).toEqual(expect.any(String));
  });

  it("lets the web app's origin call with credentials, and no other origin", async () => {
    const preflight = (origin: string) =>
      harness.app.request("/goals", {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
    const allowed = await preflight("http://127.0.0.1:5173");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:5173");
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    const refused = await preflight("https://evil.example");
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });
});

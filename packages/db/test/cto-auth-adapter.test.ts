import { randomBytes } from "node:crypto";

import { Auth } from "@auth/core";
import type { AdapterAccount } from "@auth/core/adapters";
import { describe, expect, it } from "vitest";

import { CtoAuthAdapter, sessionTokenDigest } from "../src/auth-adapter.ts";
import { createSecretBox } from "../src/secrets.ts";
import { testTargets, useMigratedDatabase } from "../src/testing/index.ts";

const secrets = createSecretBox(randomBytes(32));
const HOUR = 3_600_000;

/** The cookies a response sets, as `name=value` pairs a next request sends back. */
const cookiesOf = (response: Response, jar: Map<string, string>) => {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
  return jar;
};
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

describe.each(testTargets())("@cto/db/auth-adapter on $name", (target) => {
  const ctx = useMigratedDatabase(target);
  const newUser = (email = `adapter-${crypto.randomUUID()}@example.com`) =>
    ctx.db.user.create({ data: { email, passwordHash: "$argon2id$not-for-auth-js", name: "Ada" } });

  it("stores a session as its SHA-256 digest, finds it by the raw token, and finds sessions Cto made the same way", async () => {
    const user = await newUser();
    const deleted: string[] = [];
    const adapter = CtoAuthAdapter(ctx.db, { secrets, onSessionDeleted: (digest) => void deleted.push(digest) });
    const token = randomBytes(32).toString("base64url");
    const expires = new Date(Date.now() + HOUR);
    expect(await adapter.createSession!({ sessionToken: token, userId: user.id, expires })).toEqual({
      sessionToken: token,
      userId: user.id,
      expires,
    });
    const row = await ctx.db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.sessionToken).toBe(sessionTokenDigest(token));
    expect(row.sessionToken).not.toContain(token);

    const found = await adapter.getSessionAndUser!(token);
    expect(found?.session.sessionToken).toBe(token);
    // Auth.js, its callbacks and its JWTs never see the password hash or Cto's own columns.
    expect(found?.user).toEqual({ id: user.id, email: user.email, emailVerified: null, name: "Ada", image: null });
    expect(await adapter.getSessionAndUser!(sessionTokenDigest(token))).toBeNull();

    // A session Cto's API made: its digest is stored, its raw token is in the browser's cookie.
    const ctoToken = randomBytes(32).toString("base64url");
    await ctx.db.session.create({
      data: { sessionToken: sessionTokenDigest(ctoToken), userId: user.id, expires: new Date(Date.now() + HOUR) },
    });
    expect((await adapter.getSessionAndUser!(ctoToken))?.user.id).toBe(user.id);

    await adapter.deleteSession!(token);
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
    expect(deleted).toEqual([sessionTokenDigest(token)]);
    // Deleting what is already gone is not an error (a second sign-out, a race with expiry).
    await adapter.deleteSession!(token);
  });

  it("keeps Cto's absolute session lifetime however often Auth.js extends a session", async () => {
    const user = await newUser();
    let now = new Date("2026-12-01T09:00:00Z");
    const adapter = CtoAuthAdapter(ctx.db, { secrets, absoluteLifetimeMs: 2 * HOUR, now: () => now });
    const token = "rolling-session-token";
    const created = await adapter.createSession!({
      sessionToken: token,
      userId: user.id,
      expires: new Date(now.getTime() + 30 * 24 * HOUR),
    });
    expect(created.expires).toEqual(new Date(now.getTime() + 2 * HOUR));
    now = new Date(now.getTime() + HOUR);
    const extended = await adapter.updateSession!({
      sessionToken: token,
      expires: new Date(now.getTime() + 24 * HOUR),
    });
    expect(extended?.expires).toEqual(new Date("2026-12-01T11:00:00Z"));
    now = new Date("2026-12-01T11:00:00Z");
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
    expect(await ctx.db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await adapter.updateSession!({ sessionToken: token, expires: now })).toBeNull();
  });

  it("gives a disabled account no session and ends the ones it has", async () => {
    const user = await newUser();
    const adapter = CtoAuthAdapter(ctx.db, { secrets });
    await adapter.createSession!({
      sessionToken: "before-disable",
      userId: user.id,
      expires: new Date(Date.now() + HOUR),
    });
    await ctx.db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await adapter.getSessionAndUser!("before-disable")).toBeNull();
    expect(await ctx.db.session.count({ where: { userId: user.id } })).toBe(0);
    await expect(
      adapter.createSession!({ sessionToken: "after-disable", userId: user.id, expires: new Date(Date.now() + HOUR) }),
    ).rejects.toThrow(/disabled/);
    await expect(
      adapter.createSession!({
        sessionToken: "nobody",
        userId: crypto.randomUUID(),
        expires: new Date(Date.now() + HOUR),
      }),
    ).rejects.toThrow(/disabled or gone/);
  });

  it("seals provider tokens at rest and opens them for Auth.js", async () => {
    const user = await newUser();
    const adapter = CtoAuthAdapter(ctx.db, { secrets });
    const account: AdapterAccount = {
      userId: user.id,
      type: "oidc",
      provider: "google",
      providerAccountId: `sub-${user.id}`,
      access_token: "ya29.access-token",
      refresh_token: "1//refresh-token",
      id_token: "eyJ.header.payload",
      token_type: "bearer",
      scope: "openid email",
      expires_at: 1_900_000_000,
    };
    expect(await adapter.linkAccount!(account)).toEqual(account);
    const row = await ctx.db.account.findFirstOrThrow({ where: { userId: user.id } });
    for (const field of ["access_token", "refresh_token", "id_token"] as const) {
      expect(row[field]).toMatch(/^v1:/);
      expect(row[field]).not.toContain(account[field] as string);
    }
    expect(row.scope).toBe("openid email");
    expect(await adapter.getAccount!(account.providerAccountId, "google")).toMatchObject({
      access_token: "ya29.access-token",
      refresh_token: "1//refresh-token",
      id_token: "eyJ.header.payload",
    });
    expect(await adapter.getAccount!("nobody", "google")).toBeNull();
    const owner = await adapter.getUserByAccount!({ provider: "google", providerAccountId: account.providerAccountId });
    expect(owner).toEqual({ id: user.id, email: user.email, emailVerified: null, name: "Ada", image: null });
    // Another key cannot open them: a copied database without the key yields nothing.
    const otherKey = CtoAuthAdapter(ctx.db, { secrets: createSecretBox(randomBytes(32)) });
    await expect(otherKey.getAccount!(account.providerAccountId, "google")).rejects.toThrow();
  });

  it("keeps Cto's one account per address and lets Auth.js change only its own fields of a user", async () => {
    const adapter = CtoAuthAdapter(ctx.db, { secrets });
    const local = `Mixed.Case-${crypto.randomUUID()}`;
    const created = await adapter.createUser!({
      id: "ignored-by-cto",
      email: `  ${local}@Example.COM `,
      emailVerified: new Date("2026-12-01T00:00:00Z"),
      name: "Grace",
    });
    expect(created.email).toBe(`${local.toLowerCase()}@example.com`);
    expect(created.id).not.toBe("ignored-by-cto");
    expect((await adapter.getUserByEmail!(`${local.toUpperCase()}@EXAMPLE.com`))?.id).toBe(created.id);
    expect(await adapter.getUserByEmail!("nobody@example.com")).toBeNull();

    const updated = await adapter.updateUser!({
      id: created.id,
      name: "Grace H.",
      // What a confused or hostile caller might pass: Auth.js's type has no such fields, Cto ignores them.
      ...({ passwordHash: "attacker", role: "ADMIN", isActive: true } as object),
    });
    expect(updated.name).toBe("Grace H.");
    const row = await ctx.db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.passwordHash, row.role]).toEqual([null, "USER"]);
    expect(Object.keys(updated).sort()).toEqual(["email", "emailVerified", "id", "image", "name"]);
  });

  it("keeps passkeys in Cto's Authenticator table, deleted with their user", async () => {
    const user = await newUser();
    const adapter = CtoAuthAdapter(ctx.db, { secrets });
    const passkey = {
      credentialID: `cred-${user.id}`,
      userId: user.id,
      providerAccountId: `cred-${user.id}`,
      credentialPublicKey: "pQECAyYgASFYIB",
      counter: 0,
      credentialDeviceType: "multiDevice",
      credentialBackedUp: true,
      transports: "internal,hybrid",
    };
    expect(await adapter.createAuthenticator!(passkey)).toEqual(passkey);
    expect(await adapter.getAuthenticator!(passkey.credentialID)).toEqual(passkey);
    expect(await adapter.getAuthenticator!("unknown")).toBeNull();
    expect(await adapter.updateAuthenticatorCounter!(passkey.credentialID, 7)).toMatchObject({ counter: 7 });
    expect(await adapter.listAuthenticatorsByUserId!(user.id)).toEqual([{ ...passkey, counter: 7 }]);
    await expect(adapter.createAuthenticator!(passkey)).rejects.toThrow();
    await ctx.db.user.delete({ where: { id: user.id } });
    expect(await ctx.db.authenticator.count({ where: { credentialID: passkey.credentialID } })).toBe(0);
  });

  it("runs Auth.js's email sign-in end to end with database sessions: the session cookie's digest is Cto's row", async () => {
    const links: string[] = [];
    const email = `authjs-${crypto.randomUUID()}@example.com`;
    const config = {
      adapter: CtoAuthAdapter(ctx.db, { secrets }),
      secret: randomBytes(32).toString("hex"),
      trustHost: true,
      basePath: "/auth",
      session: { strategy: "database" as const },
      providers: [
        {
          id: "email",
          type: "email" as const,
          name: "Email",
          from: "cto@example.com",
          maxAge: 600,
          options: {},
          sendVerificationRequest: async ({ url }: { url: string }) => {
            links.push(url);
          },
        },
      ],
    };
    const origin = "http://127.0.0.1:3000";
    const jar = new Map<string, string>();
    const call = async (path: string, init: RequestInit = {}) => {
      const response = await Auth(
        new Request(new URL(path, origin), {
          ...init,
          headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader(jar) },
        }),
        config,
      );
      cookiesOf(response, jar);
      return response;
    };

    const { csrfToken } = (await (await call("/auth/csrf")).json()) as { csrfToken: string };
    const signIn = await call("/auth/signin/email", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: `${origin}/` }),
    });
    expect(signIn.status).toBe(302);
    expect(links).toHaveLength(1);
    const link = new URL(links[0]!);

    const callback = await call(link.pathname + link.search);
    expect(callback.status).toBe(302);
    const sessionToken = jar.get("authjs.session-token");
    expect(sessionToken).toBeTruthy();
    const user = await ctx.db.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerified).not.toBeNull();
    const [row] = await ctx.db.session.findMany({ where: { userId: user.id } });
    expect(row?.sessionToken).toBe(sessionTokenDigest(sessionToken!));
    expect(row?.absoluteExpiresAt).not.toBeNull();

    const session = (await (await call("/auth/session")).json()) as { user?: { email: string } };
    expect(session.user?.email).toBe(email);
    // The emailed link works once.
    const replay = await Auth(new Request(new URL(link.pathname + link.search, origin)), config);
    expect(replay.headers.get("location")).toMatch(/error=Verification/);

    // An administrator disables the account: the very next request has no session.
    await ctx.db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await (await call("/auth/session")).json()).toBeNull();
  });
});

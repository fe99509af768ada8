import { randomBytes } from "node:crypto";

import { generateSync } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { TProviderRefusal } from "@cto/contracts/api/oauth";
import { createSecretBox } from "@cto/db/secrets";

import { WEB_ORIGIN } from "./harness.ts";
import { signUp, useApi } from "./support/api.ts";
import { startTestIdentityProvider, type TTestIdentityProvider } from "./support/identity-provider.ts";

// A real OpenID provider (oidc-provider) on 127.0.0.1, one for the file: each test signs in as an
// account of its own, named by login_hint, which the provider's interaction answers at once.
const CALLBACK_BASE = `${WEB_ORIGIN}/api`;
const CALLBACK = `${CALLBACK_BASE}/auth/oauth/test/callback`;
let idp: TTestIdentityProvider;
const oauth: { providers?: ReturnType<TTestIdentityProvider["oauthProviders"]> } = {};

beforeAll(async () => {
  idp = await startTestIdentityProvider({ callbackBaseUrl: CALLBACK_BASE });
  oauth.providers = idp.oauthProviders();
});
afterAll(() => idp?.close());

const { harness } = useApi({
  dependencies: {
    secrets: createSecretBox(randomBytes(32)),
    get oauthProviders() {
      return oauth.providers;
    },
  },
});

/** A browser: its cookies for the API (several at once, unlike the suite's visitor) and for the provider. */
const browser = (apiCookies = new Map<string, string>(), userAgent?: string) => {
  const providerCookies = new Map<string, string>();
  const keep = (jar: Map<string, string>, response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const [name = "", value = ""] = pair.split("=");
      if (value === "" || /max-age=0/i.test(line) || /expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, pair.slice(name.length + 1));
    }
  };
  const header = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await harness.app.request(path, {
      method,
      headers: {
        origin: WEB_ORIGIN,
        cookie: header(apiCookies),
        ...(userAgent ? { "user-agent": userAgent } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    keep(apiCookies, response);
    const text = await response.text();
    return { status: response.status, location: response.headers.get("location") ?? "", text };
  };
  /** Follows the provider's redirects, as a browser would, until they point back at the API. */
  const atProvider = async (url: string) => {
    let next = url;
    for (let hop = 0; hop < 10 && !next.startsWith(CALLBACK); hop++) {
      const response = await fetch(next, { redirect: "manual", headers: { cookie: header(providerCookies) } });
      keep(providerCookies, response);
      const location = response.headers.get("location");
      if (!location) throw new Error(`the provider stopped at ${next}: ${response.status} ${await response.text()}`);
      next = new URL(location, next).toString();
    }
    if (!next.startsWith(CALLBACK)) throw new Error(`the provider never sent the browser back: ${next}`);
    return next.slice(`${CALLBACK_BASE}`.length);
  };
  return {
    api,
    apiCookies,
    /** Start, then the provider as `sub`: the callback's path; `tamper` may change the authorization URL on its way. */
    async toCallback(sub: string, tamper: (url: URL) => void = () => {}) {
      const start = await api("GET", "/auth/oauth/test/start");
      expect(start.status).toBe(302);
      const authorize = new URL(start.location);
      authorize.searchParams.set("login_hint", sub);
      tamper(authorize);
      return atProvider(authorize.toString());
    },
    async signIn(sub: string, tamper: (url: URL) => void = () => {}) {
      return api("GET", await this.toCallback(sub, tamper));
    },
    async link(sub: string) {
      const response = await harness.app.request("/auth/oauth/test/link", {
        method: "POST",
        headers: { origin: WEB_ORIGIN, cookie: header(apiCookies) },
      });
      keep(apiCookies, response);
      expect(response.status).toBe(200);
      const authorize = new URL(((await response.json()) as { url: string }).url);
      authorize.searchParams.set("login_hint", sub);
      return api("GET", await atProvider(authorize.toString()));
    },
    async session() {
      const response = await api("GET", "/auth/session?optional=true");
      return JSON.parse(response.text) as { user: { id: string; email: string } } | null;
    },
  };
};

const newAccount: TTestIdentityProvider["newAccount"] = (account) => idp.newAccount(account);
const linked = (sub: string) =>
  harness.db.account.findUnique({
    where: { provider_providerAccountId: { provider: "test", providerAccountId: sub } },
  });

/** Where a refused callback sends the browser: back to its page, with a reason the page words (never text). */
const refusedTo = (page: "sign-in" | "settings", reason: TProviderRefusal) =>
  `${WEB_ORIGIN}/${page}?provider_error=${reason}`;

describe("sign-in with a provider", () => {
  it("lists the configured providers without their secrets", async () => {
    const response = await browser().api("GET", "/auth/providers");
    expect(JSON.parse(response.text)).toEqual({ providers: [{ id: "test", name: "Test ID", kind: "oidc" }] });
    expect(response.text).not.toContain("secret");
  });

  it("creates the user at the first sign-in (a verified address) and signs the same user in the second time", async () => {
    const { sub, email } = newAccount();
    const first = browser();
    const response = await first.signIn(sub);
    expect(response.status).toBe(302);
    expect(response.location).toBe(`${WEB_ORIGIN}/`);
    const session = await first.session();
    expect(session?.user.email).toBe(email);
    const sessions = JSON.parse((await first.api("GET", "/sessions")).text) as {
      items: { signInMethod: string | null }[];
    };
    expect(sessions.items.map((item) => item.signInMethod)).toEqual(["provider"]);
    const user = await harness.db.user.findUniqueOrThrow({ where: { email } });
    expect(user.passwordHash).toBeNull();
    expect(user.emailVerified).not.toBeNull();
    expect((await linked(sub))?.userId).toBe(user.id);
    // The flow's cookie is spent: no state is left for a second callback.
    expect(first.apiCookies.has("cto_oauth")).toBe(false);

    const second = browser();
    expect((await second.signIn(sub)).status).toBe(302);
    expect((await second.session())?.user.id).toBe(user.id);
    expect(await harness.db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses a forged state, a flow this browser did not start, a replayed code and a wrong nonce, creating nothing", async () => {
    const forged = newAccount();
    const begun = await browser().api("GET", "/auth/oauth/test/start");
    const authorize = new URL(begun.location);
    const callback = await browser().signIn(forged.sub, (url) => url.searchParams.set("state", "forged-state"));
    expect([callback.status, callback.location]).toEqual([302, refusedTo("sign-in", "restart")]);

    // Another browser's callback (no flow cookie here).
    const other = browser();
    const stranger = await other.api(
      "GET",
      `/auth/oauth/test/callback?code=x&state=${authorize.searchParams.get("state")}`,
    );
    expect([stranger.status, stranger.location]).toEqual([302, refusedTo("sign-in", "restart")]);

    // The person said no at the provider: the provider sends the browser back with an error, not a code.
    const declining = browser();
    const started = new URL((await declining.api("GET", "/auth/oauth/test/start")).location);
    const declined = await declining.api(
      "GET",
      `/auth/oauth/test/callback?error=access_denied&state=${started.searchParams.get("state")}`,
    );
    expect([declined.status, declined.location]).toEqual([302, refusedTo("sign-in", "cancelled")]);

    const wrongNonce = await browser().signIn(forged.sub, (url) => url.searchParams.set("nonce", "not-the-nonce"));
    expect([wrongNonce.status, wrongNonce.location]).toEqual([302, refusedTo("sign-in", "failed")]);
    expect(await harness.db.user.count({ where: { email: forged.email } })).toBe(0);
    expect(await linked(forged.sub)).toBeNull();

    // The same callback twice with the same flow cookie: the provider refuses the used code.
    const replayed = newAccount();
    const victim = browser();
    const callbackPath = await victim.toCallback(replayed.sub);
    const attacker = browser(new Map([["cto_oauth", victim.apiCookies.get("cto_oauth")!]]));
    expect((await victim.api("GET", callbackPath)).status).toBe(302);
    const again = await attacker.api("GET", callbackPath);
    expect([again.status, again.location]).toEqual([302, refusedTo("sign-in", "failed")]);
    expect(await attacker.session()).toBeNull();
  });

  it("never links an unverified address to the account that has it, and makes no account for one", async () => {
    const owner = await signUp(harness, "owner");
    const { sub } = newAccount({ email: owner.email, email_verified: false });
    const attacker = browser();
    const response = await attacker.signIn(sub);
    expect([response.status, response.location]).toEqual([302, refusedTo("sign-in", "unverified")]);
    expect(await linked(sub)).toBeNull();
    expect(await attacker.session()).toBeNull();

    const lone = newAccount({ email_verified: false });
    expect((await browser().signIn(lone.sub)).location).toBe(refusedTo("sign-in", "unverified"));
    expect(await harness.db.user.count({ where: { email: lone.email } })).toBe(0);
  });

  it("links a verified address's identity to its account only once the owner signs in with the password", async () => {
    const owner = await signUp(harness, "verified-owner");
    const { sub } = newAccount({ email: owner.email });
    const person = browser();
    const response = await person.signIn(sub);
    expect(response.status).toBe(302);
    expect(response.location).toContain(`${WEB_ORIGIN}/sign-in?link=test`);
    expect(await person.session()).toBeNull();
    expect(await linked(sub)).toBeNull();

    // A wrong password links nothing; the right one does.
    const signIn = (password: string) =>
      harness.app.request("/auth/sign-in", {
        method: "POST",
        headers: {
          origin: WEB_ORIGIN,
          "content-type": "application/json",
          cookie: [...person.apiCookies].map(([k, v]) => `${k}=${v}`).join("; "),
        },
        body: JSON.stringify({ email: owner.email, password }),
      });
    expect((await signIn("wrong password here")).status).toBe(401);
    expect(await linked(sub)).toBeNull();
    expect((await signIn("correct horse battery")).status).toBe(200);
    expect((await linked(sub))?.userId).toBe(owner.userId);

    const later = browser();
    expect((await later.signIn(sub)).location).toBe(`${WEB_ORIGIN}/`);
    expect((await later.session())?.user.id).toBe(owner.userId);
  });

  it("does not hand a pending link to another account that signs in in the same browser", async () => {
    const owner = await signUp(harness, "pending-owner");
    const someoneElse = await signUp(harness, "someone-else");
    const { sub } = newAccount({ email: owner.email });
    const shared = browser();
    await shared.signIn(sub);
    const response = await harness.app.request("/auth/sign-in", {
      method: "POST",
      headers: {
        origin: WEB_ORIGIN,
        "content-type": "application/json",
        cookie: [...shared.apiCookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
      body: JSON.stringify({ email: someoneElse.email, password: "correct horse battery" }),
    });
    expect(response.status).toBe(200);
    expect(await linked(sub)).toBeNull();
  });
});

describe("new-device email after a provider's sign-in", () => {
  it("is sent for a browser the account has not used, not again for the same one, nor for the sign-in that made it", async () => {
    const { sub, email } = newAccount();
    const laptop = browser(new Map(), "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
    expect((await laptop.signIn(sub)).status).toBe(302);
    const user = await harness.db.user.findUniqueOrThrow({ where: { email } });
    const newSignIns = () => harness.db.mailMessage.count({ where: { userId: user.id, kind: "NEW_SIGN_IN" } });
    // The sign-in that made the account has no earlier device to compare with, as sign-up has none.
    const atCreation = await newSignIns();
    expect(atCreation).toBe(0);

    const phone = browser(new Map(), "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/605.1.15");
    expect((await phone.signIn(sub)).status).toBe(302);
    expect(await newSignIns()).toBe(atCreation + 1);
    const mail = (await harness.mailer.list()).find((sent) => sent.to === email);
    expect(mail?.text).toContain("iPhone");

    // The same browser again (its device cookie, or the same agent and network) is not news.
    const phoneAgain = browser(
      new Map([["cto_device", phone.apiCookies.get("cto_device")!]]),
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/605.1.15",
    );
    expect((await phoneAgain.signIn(sub)).status).toBe(302);
    expect(await newSignIns()).toBe(atCreation + 1);
  });
});

describe("two-factor after a provider's sign-in", () => {
  it("asks for the code before any session, then signs in with it", async () => {
    const { sub } = newAccount();
    const enrolling = browser();
    await enrolling.signIn(sub);
    const enrolment = await enrolling.api("POST", "/auth/two-factor/totp");
    const { secret } = JSON.parse(enrolment.text) as { secret: string };
    const step = Math.floor(Date.now() / 30_000);
    const confirmed = await enrolling.api("POST", "/auth/two-factor/totp/confirm", {
      code: generateSync({ secret, epoch: step * 30 }),
    });
    expect(confirmed.status).toBe(200);

    const later = browser();
    const response = await later.signIn(sub);
    expect(response.status).toBe(302);
    const challengeToken = response.location.match(/^http:\/\/127\.0\.0\.1:5173\/sign-in#challenge=([\w-]+)$/)?.[1];
    expect(challengeToken).toBeTruthy();
    expect(await later.session()).toBeNull();
    const done = await later.api("POST", "/auth/sign-in/second-factor", {
      challengeToken,
      code: generateSync({ secret, epoch: (step + 1) * 30 }),
    });
    expect(done.status).toBe(200);
    expect((await later.session())?.user.email).toBe(idp.accounts.get(sub)!.email);
    const sessions = JSON.parse((await later.api("GET", "/sessions")).text) as {
      items: { current: boolean; signInMethod: string | null }[];
    };
    expect(sessions.items.find((session) => session.current)?.signInMethod).toBe("provider_totp");
  });
});

describe("linked providers in Settings", () => {
  it("links a provider while signed in, lists it, and unlinks it", async () => {
    const user = await signUp(harness, "linker");
    const { sub } = newAccount({ email: "any-address@example.org", email_verified: false });
    const signedIn = browser(new Map([user.cookie.split("=") as [string, string]]));
    const response = await signedIn.link(sub);
    expect(response.status).toBe(302);
    expect(response.location).toBe(`${WEB_ORIGIN}/settings?linked=test`);
    expect((await linked(sub))?.userId).toBe(user.userId);

    const list = await user.request("GET", "/auth/identities");
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ hasPassword: true, identities: [{ provider: "test", providerName: "Test ID" }] });
    const { id } = (list.body as { identities: { id: string }[] }).identities[0]!;

    // Another user can neither see nor unlink it.
    const other = await signUp(harness, "other");
    expect((await other.request("GET", "/auth/identities")).body).toMatchObject({ identities: [] });
    expect((await other.request("DELETE", `/auth/identities/${id}`)).status).toBe(404);

    expect((await user.request("DELETE", `/auth/identities/${id}`)).status).toBe(204);
    expect(await linked(sub)).toBeNull();
    expect((await user.request("DELETE", `/auth/identities/${id}`)).status).toBe(404);
  });

  it("refuses to link an identity that signs in to another account (409)", async () => {
    const { sub } = newAccount();
    await browser().signIn(sub);
    const user = await signUp(harness, "second-claimant");
    const signedIn = browser(new Map([user.cookie.split("=") as [string, string]]));
    const response = await signedIn.link(sub);
    expect([response.status, response.location]).toEqual([302, refusedTo("settings", "taken")]);
    expect((await linked(sub))?.userId).not.toBe(user.userId);
  });

  it("refuses to unlink the last way in (no password, one provider) with a 409", async () => {
    const { sub, email } = newAccount();
    const person = browser();
    await person.signIn(sub);
    const list = await person.api("GET", "/auth/identities");
    const body = JSON.parse(list.text) as { hasPassword: boolean; identities: { id: string }[] };
    expect(body.hasPassword).toBe(false);
    const refused = await person.api("DELETE", `/auth/identities/${body.identities[0]!.id}`);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("only way to sign in");
    expect(await linked(sub)).not.toBeNull();
    expect(await harness.db.user.count({ where: { email } })).toBe(1);
  });

  it("answers 404 for a provider that is not configured and 400 for a malformed id", async () => {
    expect((await browser().api("GET", "/auth/oauth/nowhere/start")).status).toBe(404);
    expect((await browser().api("GET", "/auth/oauth/Not_An_Id!/start")).status).toBe(400);
  });
});

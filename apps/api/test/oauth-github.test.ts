import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createSecretBox } from "@cto/db/secrets";

import { createOAuthProviders } from "../src/services/oauth/providers.ts";
import { WEB_ORIGIN } from "./harness.ts";
import { signUp, useApi } from "./support/api.ts";

// GitHub speaks OAuth 2.0 without OpenID Connect: no id token, the person and their addresses come from its
// REST API. A stand-in of its four endpoints runs on 127.0.0.1, where OAUTH_GITHUB_URL and OAUTH_GITHUB_API_URL
// would point at a GitHub Enterprise Server; it checks what GitHub checks (client, redirect URI, PKCE, one use
// of a code, the bearer token), and its people are named by `login` on the authorization URL.
const CALLBACK_BASE = `${WEB_ORIGIN}/api`;
const CALLBACK = `${CALLBACK_BASE}/auth/oauth/github/callback`;
const CLIENT = { id: "Iv1.test-client", secret: "a-github-secret-for-tests" };

type TEmail = { email: string; primary: boolean; verified: boolean };
type TGitHubUser = { id: number; login: string; name: string | null; emails: TEmail[] };
const people = new Map<string, TGitHubUser>();
const codes = new Map<string, { login: string; challenge: string }>();
const tokens = new Map<string, string>();
const failing = new Set<string>();

const send = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
const formOf = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
};
const clientOf = (req: IncomingMessage, form: URLSearchParams) => {
  const basic = req.headers.authorization?.match(/^Basic (.+)$/)?.[1];
  if (!basic) return { id: form.get("client_id"), secret: form.get("client_secret") };
  const [id = "", secret = ""] = Buffer.from(basic, "base64").toString("utf8").split(":").map(decodeURIComponent);
  return { id, secret };
};

const github = async (req: IncomingMessage, res: ServerResponse) => {
  const url = new URL(req.url ?? "/", "http://github.test");
  if (req.method === "GET" && url.pathname === "/login/oauth/authorize") {
    const person = people.get(url.searchParams.get("login") ?? "");
    if (url.searchParams.get("client_id") !== CLIENT.id || url.searchParams.get("redirect_uri") !== CALLBACK)
      return send(res, 400, { error: "redirect_uri_mismatch" });
    if (!person || url.searchParams.get("code_challenge_method") !== "S256") return send(res, 400, { error: "bad" });
    const code = randomBytes(10).toString("hex");
    codes.set(code, { login: person.login, challenge: url.searchParams.get("code_challenge") ?? "" });
    const back = new URL(CALLBACK);
    back.searchParams.set("code", code);
    back.searchParams.set("state", url.searchParams.get("state") ?? "");
    return res.writeHead(302, { location: back.toString() }).end();
  }
  if (req.method === "POST" && url.pathname === "/login/oauth/access_token") {
    const form = await formOf(req);
    const client = clientOf(req, form);
    const grant = codes.get(form.get("code") ?? "");
    codes.delete(form.get("code") ?? "");
    const verifier = form.get("code_verifier") ?? "";
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    if (client.id !== CLIENT.id || client.secret !== CLIENT.secret)
      return send(res, 200, { error: "incorrect_client_credentials" });
    if (!grant || grant.challenge !== challenge || form.get("redirect_uri") !== CALLBACK)
      return send(res, 200, { error: "bad_verification_code" });
    const token = `gho_${randomBytes(16).toString("hex")}`;
    tokens.set(token, grant.login);
    return send(res, 200, { access_token: token, token_type: "bearer", scope: "read:user,user:email" });
  }
  const login = tokens.get(req.headers.authorization?.replace(/^Bearer /, "") ?? "");
  const person = login ? people.get(login) : undefined;
  if (!person) return send(res, 401, { message: "Requires authentication" });
  if (failing.has(url.pathname)) return send(res, 502, { message: "Server Error" });
  if (req.method === "GET" && url.pathname === "/api/v3/user")
    return send(res, 200, { id: person.id, login: person.login, name: person.name });
  if (req.method === "GET" && url.pathname === "/api/v3/user/emails") return send(res, 200, person.emails);
  return send(res, 404, { message: "Not Found" });
};

const server = createServer((req, res) => {
  github(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
});
const oauth: { providers?: ReturnType<typeof createOAuthProviders> } = {};
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  oauth.providers = createOAuthProviders(
    [
      {
        id: "github",
        name: "GitHub",
        kind: "github",
        issuer: base,
        apiUrl: `${base}/api/v3`,
        clientId: CLIENT.id,
        clientSecret: CLIENT.secret,
        allowInsecure: true,
      },
    ],
    CALLBACK_BASE,
  );
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const { harness } = useApi({
  dependencies: {
    secrets: createSecretBox(randomBytes(32)),
    get oauthProviders() {
      return oauth.providers;
    },
  },
});

let counter = 0;
const newPerson = (emails: (email: string) => TEmail[]) => {
  const n = counter++;
  const login = `octo-${Date.now()}-${n}`;
  people.set(login, { id: 1_000_000 + n, login, name: "Mona", emails: emails(`${login}@example.com`) });
  return { login, githubId: String(1_000_000 + n) };
};

/** A browser: start, GitHub (the stand-in answers at once for `login`), then the callback; its cookies kept. */
const signInWithGitHub = async (login: string) => {
  const cookies = new Map<string, string>();
  const request = async (path: string) => {
    const response = await harness.app.request(path, {
      headers: { origin: WEB_ORIGIN, cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; ") },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      if (/max-age=0/i.test(line) || pair.endsWith("=")) cookies.delete(name);
      else cookies.set(name, pair.slice(name.length + 1));
    }
    return { status: response.status, location: response.headers.get("location") ?? "", text: await response.text() };
  };
  const start = await request("/auth/oauth/github/start");
  const authorize = new URL(start.location);
  authorize.searchParams.set("login", login);
  const atGitHub = await fetch(authorize, { redirect: "manual" });
  const back = atGitHub.headers.get("location") ?? "";
  expect(back.startsWith(CALLBACK)).toBe(true);
  const callback = await request(back.slice(CALLBACK_BASE.length));
  const session = JSON.parse((await request("/auth/session?optional=true")).text) as { user: { id: string } } | null;
  return { ...callback, session, authorize };
};
const linkedTo = (githubId: string) =>
  harness.db.account.findUnique({
    where: { provider_providerAccountId: { provider: "github", providerAccountId: githubId } },
  });

describe("sign-in with GitHub (OAuth 2.0 and its user API)", () => {
  it("asks for the user and address scopes with PKCE, and makes the account from a verified primary address", async () => {
    const { login, githubId } = newPerson((email) => [
      { email: `old-${email}`, primary: false, verified: true },
      { email: email.toUpperCase(), primary: true, verified: true },
    ]);
    const first = await signInWithGitHub(login);
    expect(first.authorize.searchParams.get("scope")).toBe("read:user user:email");
    expect(first.authorize.searchParams.get("code_challenge_method")).toBe("S256");
    // GitHub has no id token, so no nonce is asked for.
    expect(first.authorize.searchParams.has("nonce")).toBe(false);
    expect([first.status, first.location]).toEqual([302, `${WEB_ORIGIN}/`]);
    const user = await harness.db.user.findUniqueOrThrow({ where: { email: `${login}@example.com` } });
    expect(first.session?.user.id).toBe(user.id);
    expect([user.name, user.passwordHash, user.emailVerified === null]).toEqual(["Mona", null, false]);
    expect((await linkedTo(githubId))?.userId).toBe(user.id);
    expect(await harness.db.user.count({ where: { email: `old-${login}@example.com` } })).toBe(0);

    // GitHub's numeric id is the identity: a changed address still signs the same account in.
    people.get(login)!.emails = [{ email: "renamed@example.net", primary: true, verified: true }];
    const again = await signInWithGitHub(login);
    expect(again.session?.user.id).toBe(user.id);
  });

  it("makes no account and links nothing for an unverified primary address, even with a verified other one", async () => {
    const owner = await signUp(harness, "gh-owner");
    const { login, githubId } = newPerson(() => [
      { email: owner.email, primary: true, verified: false },
      { email: "verified-elsewhere@example.org", primary: false, verified: true },
    ]);
    const attempt = await signInWithGitHub(login);
    expect([attempt.status, attempt.location]).toEqual([302, `${WEB_ORIGIN}/sign-in?provider_error=unverified`]);
    expect(attempt.session).toBeNull();
    expect(await linkedTo(githubId)).toBeNull();
    expect(await harness.db.user.count({ where: { email: "verified-elsewhere@example.org" } })).toBe(0);

    const { login: noAddress } = newPerson(() => []);
    expect((await signInWithGitHub(noAddress)).location).toBe(`${WEB_ORIGIN}/sign-in?provider_error=unverified`);
  });

  it("asks the owner of a verified primary address's account for the password before linking", async () => {
    const owner = await signUp(harness, "gh-verified-owner");
    const { login, githubId } = newPerson(() => [{ email: owner.email, primary: true, verified: true }]);
    const attempt = await signInWithGitHub(login);
    expect(attempt.location).toBe(
      `${WEB_ORIGIN}/sign-in?${new URLSearchParams({ link: "github", email: owner.email })}`,
    );
    expect(attempt.session).toBeNull();
    expect(await linkedTo(githubId)).toBeNull();
  });

  it("refuses the sign-in when GitHub's API fails, and makes nothing", async () => {
    const { login, githubId } = newPerson((email) => [{ email, primary: true, verified: true }]);
    failing.add("/api/v3/user/emails");
    try {
      const attempt = await signInWithGitHub(login);
      expect([attempt.status, attempt.location]).toEqual([302, `${WEB_ORIGIN}/sign-in?provider_error=failed`]);
      expect(attempt.session).toBeNull();
    } finally {
      failing.delete("/api/v3/user/emails");
    }
    expect(await linkedTo(githubId)).toBeNull();
    expect(await harness.db.user.count({ where: { email: `${login}@example.com` } })).toBe(0);
  });
});

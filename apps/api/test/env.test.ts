import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { identityProvidersFromEnv, loadEnv } from "../src/env.ts";

const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/cto" };

describe("the API's environment", () => {
  it("fills in the defaults for development", () => {
    const env = loadEnv(base);
    expect(env).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      HOST: "127.0.0.1",
      WEB_ORIGIN: "http://127.0.0.1:5173",
      DATABASE_POOL_MAX: 10,
    });
    expect(loadEnv({ ...base, DATABASE_POOL_MAX: "40" }).DATABASE_POOL_MAX).toBe(40);
    expect(loadEnv({ ...base, DATABASE_POOL_MAX: "" }).DATABASE_POOL_MAX).toBe(10);
    expect([env.TELEGRAM_WEBHOOK_SECRET, env.TELEGRAM_BOT_USERNAME]).toEqual([undefined, undefined]);
  });

  it("turns on the identity providers whose client id and secret are set, GitHub and Google first", () => {
    expect(identityProvidersFromEnv(loadEnv(base))).toEqual([]);
    const env = loadEnv({
      ...base,
      OAUTH_GITHUB_CLIENT_ID: "gh-id",
      OAUTH_GITHUB_CLIENT_SECRET: "gh-secret",
      OAUTH_GOOGLE_CLIENT_ID: "",
      OAUTH_GOOGLE_CLIENT_SECRET: "",
      OIDC_PROVIDERS: JSON.stringify([
        { id: "okta", name: "Okta", issuer: "https://acme.okta.com", clientId: "o-id", clientSecret: "o-secret" },
      ]),
    });
    expect(identityProvidersFromEnv(env).map(({ id, kind, issuer }) => ({ id, kind, issuer }))).toEqual([
      { id: "github", kind: "github", issuer: "https://github.com" },
      { id: "okta", kind: "oidc", issuer: "https://acme.okta.com" },
    ]);
    expect(identityProvidersFromEnv(env)[0]?.apiUrl).toBe("https://api.github.com");
  });

  it("points GitHub sign-in at a GitHub Enterprise Server, and refuses an address that is not a URL", () => {
    const github = { ...base, OAUTH_GITHUB_CLIENT_ID: "gh-id", OAUTH_GITHUB_CLIENT_SECRET: "gh-secret" };
    const enterprise = loadEnv({
      ...github,
      OAUTH_GITHUB_URL: "https://github.acme.example",
      OAUTH_GITHUB_API_URL: "https://github.acme.example/api/v3",
    });
    expect(identityProvidersFromEnv(enterprise)[0]).toMatchObject({
      issuer: "https://github.acme.example",
      apiUrl: "https://github.acme.example/api/v3",
    });
    expect(() => loadEnv({ ...github, OAUTH_GITHUB_API_URL: "github.acme.example" })).toThrow(/OAUTH_GITHUB_API_URL/);
  });

  it("takes a Telegram bot username, and treats an empty one as unset", () => {
    expect(loadEnv({ ...base, TELEGRAM_BOT_USERNAME: "cto_coach_bot" }).TELEGRAM_BOT_USERNAME).toBe("cto_coach_bot");
    expect(loadEnv({ ...base, TELEGRAM_BOT_USERNAME: "" }).TELEGRAM_BOT_USERNAME).toBeUndefined();
  });

  it("believes no proxy unless TRUST_PROXY names hops or the proxies' addresses", () => {
    expect(loadEnv(base).TRUST_PROXY).toEqual({ hops: 0 });
    expect(loadEnv({ ...base, TRUST_PROXY: "1" }).TRUST_PROXY).toEqual({ hops: 1 });
    expect(loadEnv({ ...base, TRUST_PROXY: "loopback,10.0.0.0/8" }).TRUST_PROXY).toEqual({
      proxies: ["loopback", "10.0.0.0/8"],
    });
  });

  it("sends email through SMTP_URL as MAIL_FROM; without them, the development outbox, never in production", () => {
    expect([loadEnv(base).SMTP_URL, loadEnv(base).MAIL_FROM]).toEqual([undefined, undefined]);
    expect(
      loadEnv({ ...base, SMTP_URL: "smtp://user:pass@mail.example.com:587", MAIL_FROM: "Cto <hello@cto.example>" }),
    ).toMatchObject({ SMTP_URL: "smtp://user:pass@mail.example.com:587", MAIL_FROM: "Cto <hello@cto.example>" });
    expect(() => loadEnv({ ...base, NODE_ENV: "production" })).toThrow(
      /SMTP_URL: required in production[\s\S]*MAIL_FROM: required in production/,
    );
    const mailProblems = () => {
      try {
        loadEnv({
          ...base,
          NODE_ENV: "production",
          SMTP_URL: "smtps://mail.example.com",
          MAIL_FROM: "hello@cto.example",
        });
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(mailProblems()).not.toMatch(/SMTP_URL|MAIL_FROM/);
  });

  it("refuses to start in production without what production needs, naming each one", () => {
    const problems = (source: NodeJS.ProcessEnv) => {
      try {
        loadEnv(source);
        return [];
      } catch (error) {
        return [...(error as Error).message.matchAll(/^ {2}(\w+): required in production/gm)].map((match) => match[1]);
      }
    };
    expect(problems({ ...base, NODE_ENV: "production" }).sort()).toEqual([
      "CTO_ENCRYPTION_KEY",
      "MAIL_FROM",
      "REDIS_URL",
      "SMTP_URL",
      "WEB_ORIGIN",
    ]);
    // One failed start names every missing setting, DATABASE_URL with the rest.
    expect(() => loadEnv({ NODE_ENV: "production" })).toThrow(/DATABASE_URL/);
    expect(problems({ NODE_ENV: "production" }).sort()).toEqual([
      "CTO_ENCRYPTION_KEY",
      "MAIL_FROM",
      "REDIS_URL",
      "SMTP_URL",
      "WEB_ORIGIN",
    ]);
    expect(problems({ NODE_ENV: "production", DATABASE_URL: "not a url", PORT: "-1", SMTP_URL: "" }).sort()).toEqual([
      "CTO_ENCRYPTION_KEY",
      "MAIL_FROM",
      "REDIS_URL",
      "SMTP_URL",
      "WEB_ORIGIN",
    ]);
    const production = {
      ...base,
      NODE_ENV: "production",
      REDIS_URL: "redis://redis.internal:6379",
      WEB_ORIGIN: "https://cto.example",
      CTO_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      SMTP_URL: "smtps://mail.example.com",
      MAIL_FROM: "Cto <no-reply@cto.example>",
    };
    expect(loadEnv(production)).toMatchObject({
      redis: { kind: "single", url: "redis://redis.internal:6379" },
      WEB_ORIGIN: "https://cto.example",
    });
    expect(loadEnv({ ...production, REDIS_URL: "", REDIS_CLUSTER_NODES: "10.0.0.1:6379" }).redis).toEqual({
      kind: "cluster",
      nodes: [{ host: "10.0.0.1", port: 6379 }],
    });
    expect(problems({ ...production, WEB_ORIGIN: "" })).toEqual(["WEB_ORIGIN"]);
  });

  it("reads the chat's daily token budget and the AI settings here, refusing a budget that is not a positive whole number", () => {
    expect(loadEnv(base).AI_DAILY_TOKEN_BUDGET).toBe(200_000);
    expect(loadEnv({ ...base, AI_DAILY_TOKEN_BUDGET: "5000" }).AI_DAILY_TOKEN_BUDGET).toBe(5000);
    expect(loadEnv({ ...base, AI_DAILY_TOKEN_BUDGET: "" }).AI_DAILY_TOKEN_BUDGET).toBe(200_000);
    for (const bad of ["0", "-5", "1.5", "lots"])
      expect(() => loadEnv({ ...base, AI_DAILY_TOKEN_BUDGET: bad })).toThrow(/AI_DAILY_TOKEN_BUDGET/);
    expect(loadEnv(base).ai).toMatchObject({ apiKey: undefined, chatModel: "gpt-4o-mini" });
    expect(loadEnv({ ...base, OPENAI_API_KEY: "sk-test", AI_CHAT_MODEL: "gpt-test" }).ai).toMatchObject({
      apiKey: "sk-test",
      chatModel: "gpt-test",
    });
  });

  it("keeps development's local Redis and web origin when they are unset or empty", () => {
    expect(loadEnv({ ...base, REDIS_URL: "", WEB_ORIGIN: "" })).toMatchObject({
      redis: { kind: "single", url: "redis://127.0.0.1:6379" },
      WEB_ORIGIN: "http://127.0.0.1:5173",
    });
    expect(loadEnv(base).CTO_ENCRYPTION_KEY).toBeUndefined();
  });

  it.each([
    ["CTO_ENCRYPTION_KEY", "too-short", /CTO_ENCRYPTION_KEY: 32 bytes/],
    ["CTO_ENCRYPTION_KEY", "ab".repeat(31), /CTO_ENCRYPTION_KEY: 32 bytes/],
    ["REDIS_URL", "not a url", /REDIS_URL/],
    ["WEB_ORIGIN", "cto.example", /WEB_ORIGIN/],
    ["SMTP_URL", "https://mail.example.com", /SMTP_URL: an smtp:\/\/ or smtps:\/\/ URL/],
    ["MAIL_FROM", "not an address", /MAIL_FROM: one address/],
    ["TRUST_PROXY", "true", /TRUST_PROXY: trusting every hop/],
    ["TRUST_PROXY", "10.0.0.0/8, proxy.internal", /TRUST_PROXY: .*proxy\.internal/],
    ["TELEGRAM_BOT_USERNAME", "@cto_coach_bot", /TELEGRAM_BOT_USERNAME: a Telegram username/],
    ["TELEGRAM_BOT_USERNAME", "bot", /TELEGRAM_BOT_USERNAME/],
    ["TELEGRAM_WEBHOOK_SECRET", "has spaces", /TELEGRAM_WEBHOOK_SECRET/],
    ["PORT", "70000", /PORT/],
    ["DATABASE_URL", "not a url", /DATABASE_URL/],
    ["DATABASE_POOL_MAX", "0", /DATABASE_POOL_MAX/],
    ["DATABASE_POOL_MAX", "ten", /DATABASE_POOL_MAX/],
    ["DATABASE_POOL_MAX", "2.5", /DATABASE_POOL_MAX/],
    ["OIDC_PROVIDERS", "{not json", /OIDC_PROVIDERS/],
    [
      "OIDC_PROVIDERS",
      '[{"id":"Okta!","name":"Okta","issuer":"https://o.example","clientId":"a","clientSecret":"b"}]',
      /OIDC_PROVIDERS/,
    ],
    [
      "OIDC_PROVIDERS",
      '[{"id":"google","name":"G","issuer":"https://g.example","clientId":"a","clientSecret":"b"}]',
      /OIDC_PROVIDERS: each provider needs an id of its own/,
    ],
    ["OIDC_PROVIDERS", '[{"id":"okta","name":"Okta","issuer":"https://o.example","clientId":"a"}]', /OIDC_PROVIDERS/],
    ["OAUTH_GITHUB_CLIENT_ID", "Iv1.abc", /OAUTH_GITHUB_CLIENT_ID.*set both the client id and the secret/],
    ["OAUTH_GOOGLE_CLIENT_SECRET", "shh", /OAUTH_GOOGLE_CLIENT_ID.*set both the client id and the secret/],
    ["OAUTH_CALLBACK_BASE_URL", "api.example", /OAUTH_CALLBACK_BASE_URL/],
  ])("refuses %s=%s, naming the variable", (name, value, message) => {
    expect(() => loadEnv({ ...base, [name]: value })).toThrow(message);
  });
});

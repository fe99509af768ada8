import { z } from "zod";

import { parseAiConfig, type TAiConfig } from "@cto/ai/config";
import { ZCalendarOAuthEnvSchema, requireCalendarOAuthPairs } from "@cto/core/calendar-oauth";
import { ZPrivateNetworksSchema } from "@cto/core/outbound-address";
import { EVEN_WHEN_INVALID, parseEnv, requireInProduction } from "@cto/contracts/env";
import { ZReplicaEnvSchema } from "@cto/db/replicas";
import { isEncryptionKey } from "@cto/db/secrets";
import { LOG_LEVELS } from "@cto/log/logger";
import { requireMailSettings, ZMailEnvSchema } from "@cto/mail/config";
import { redisTargetFromEnv, requireOneRedis, requireRedisInProduction, ZRedisEnvSchema } from "@cto/queue/config";
import { requireS3Settings, ZStorageEnvSchema } from "@cto/storage/config";

import { DEFAULT_CHAT_TOKEN_BUDGET } from "./context.ts";
import { ZTrustProxySchema } from "./lib/client-address.ts";
import type { TProviderSettings } from "./services/oauth/providers.ts";

const unset = (value: unknown) => (value === "" ? undefined : value);

/** What `npm start` runs locally; production must name its own (requireInProduction below). */
const DEVELOPMENT = { WEB_ORIGIN: "http://127.0.0.1:5173" };

const ZOidcProviderSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lowercase letters, digits and -"),
  name: z.string().min(1).max(60),
  issuer: z.string().url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
});
const uniqueIds = (providers: { id: string }[]) => {
  const ids = providers.map((provider) => provider.id);
  return new Set(ids).size === ids.length && !ids.some((id) => id === "github" || id === "google");
};
// Not JSON: the text itself, which the schema then refuses with a message rather than a crash.
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};
const pair = (what: string, id: string | undefined, secret: string | undefined) =>
  (id === undefined) === (secret === undefined) ? [] : [`${what}: set both the client id and the secret, or neither`];

const ZEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    // Lowest level logged; lines are JSON (npm start prints them readably), see @cto/log.
    LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().default("127.0.0.1"),
    DATABASE_URL: z.string().url(),
    // Most connections this process's pool opens to the primary (and to each replica): see the README's sizing rule.
    DATABASE_POOL_MAX: z.preprocess(unset, z.coerce.number().int().min(1).max(1_000).default(10)),
    // Streaming read replicas for reads that tolerate lag, and their lag bound (packages/db/README.md, "Read replicas").
    ...ZReplicaEnvSchema.shape,
    // The web app's origin (links in emails, CORS, cookies, the passkeys' relying party); development's Vite server when unset, required in production.
    WEB_ORIGIN: z.preprocess(unset, z.string().url().optional()),
    // Redis: REDIS_URL, or REDIS_CLUSTER_NODES, or REDIS_SENTINELS + REDIS_SENTINEL_NAME (see packages/queue);
    // development's local one when none is set, one of them required in production.
    ...ZRedisEnvSchema.shape,
    // The key sealing stored secrets (packages/db/src/secrets.ts); development keeps one in the data folder.
    CTO_ENCRYPTION_KEY: z.preprocess(
      unset,
      z.string().refine(isEncryptionKey, "32 bytes, as 64 hex characters or base64").optional(),
    ),
    // The BullMQ key prefix of the queues the API fills: the worker's (one variable for both, so they cannot differ).
    WORKER_QUEUE_PREFIX: z.string().min(1).default("cto"),
    // Proxies believed about the client's address (X-Forwarded-For): unset for none, a hop count, or addresses/CIDRs.
    TRUST_PROXY: ZTrustProxySchema,
    // Telegram: the webhook is served only when its secret is set (the secret_token given to setWebhook). The API
    // needs no bot token: its short replies ride on the webhook's answer, everything else is the worker's delivery.
    TELEGRAM_WEBHOOK_SECRET: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,256}$/, "1-256 characters of A-Z, a-z, 0-9, _ and -")
        .optional(),
    ),
    // The bot's username (without @), for one-tap t.me/<bot>?start=<token> links in the web app.
    TELEGRAM_BOT_USERNAME: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .string()
        .regex(
          /^[A-Za-z][A-Za-z0-9_]{3,31}$/,
          "a Telegram username: 4-32 characters of A-Z, a-z, 0-9 and _, starting with a letter",
        )
        .optional(),
    ),
    // Prometheus metrics: GET /metrics on a listener of its own, never the public port; loopback unless told
    // otherwise. With METRICS_TOKEN set, a scrape must send `Authorization: Bearer <token>`.
    METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
    METRICS_HOST: z.string().default("127.0.0.1"),
    METRICS_TOKEN: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.string().min(16, "at least 16 characters").optional(),
    ),
    // Chat tokens per user and UTC day, web and Telegram together; the rest of the AI settings are @cto/ai's (loadEnv).
    AI_DAILY_TOKEN_BUDGET: z.preprocess(unset, z.coerce.number().int().positive().default(DEFAULT_CHAT_TOKEN_BUDGET)),
    // Whether a calendar URL may name a loopback, private or link-local address: "false", "true", or a list of networks (CIDRs); the worker's too.
    CALENDAR_ALLOW_PRIVATE_NETWORKS: ZPrivateNetworksSchema,
    // Google and Microsoft 365 calendars (README, "Calendars"): each can be connected when its client id and secret
    // are set; the worker needs the same ones to refresh tokens. The *_URL variables point at stand-ins in tests.
    ...ZCalendarOAuthEnvSchema.shape,
    // Whether /ready fails while Redis is unreachable: `required` (production's default) or `optional`.
    READINESS_REDIS: z.enum(["required", "optional"]).optional(),
    // Uploaded screenshots: STORAGE_DRIVER, STORAGE_DIR and S3_* (see packages/storage); the worker reads the same.
    ...ZStorageEnvSchema.shape,
    // Email: SMTP_URL and MAIL_FROM (see packages/mail); unset outside production: the development outbox.
    ...ZMailEnvSchema.shape,
    // Sign-in with identity providers (README, "Sign in with GitHub, Google or OpenID Connect"): each is on when
    // its client id and secret are set. OIDC_PROVIDERS is a JSON array of any other OpenID Connect issuers.
    OAUTH_GITHUB_CLIENT_ID: z.preprocess(unset, z.string().optional()),
    OAUTH_GITHUB_CLIENT_SECRET: z.preprocess(unset, z.string().optional()),
    // GitHub's web address and REST API: github.com's by default; a GitHub Enterprise Server's are
    // https://<host> and https://<host>/api/v3.
    OAUTH_GITHUB_URL: z.preprocess(unset, z.string().url().default("https://github.com")),
    OAUTH_GITHUB_API_URL: z.preprocess(unset, z.string().url().default("https://api.github.com")),
    OAUTH_GOOGLE_CLIENT_ID: z.preprocess(unset, z.string().optional()),
    OAUTH_GOOGLE_CLIENT_SECRET: z.preprocess(unset, z.string().optional()),
    OIDC_PROVIDERS: z.preprocess(
      (value) => (typeof value === "string" && value.trim() ? parseJson(value) : []),
      z
        .array(ZOidcProviderSchema)
        .refine(uniqueIds, "each provider needs an id of its own (github and google are taken)"),
    ),
    // Where providers send the browser back: the API as the browser reaches it; WEB_ORIGIN + /api (the SPA's proxy) when unset.
    OAUTH_CALLBACK_BASE_URL: z.preprocess(unset, z.string().url().optional()),
  })
  .superRefine(requireS3Settings)
  .superRefine(requireMailSettings, EVEN_WHEN_INVALID)
  .superRefine(requireOneRedis)
  .superRefine(requireCalendarOAuthPairs)
  .superRefine((env, ctx) => {
    for (const message of [
      ...pair(
        "OAUTH_GITHUB_CLIENT_ID and OAUTH_GITHUB_CLIENT_SECRET",
        env.OAUTH_GITHUB_CLIENT_ID,
        env.OAUTH_GITHUB_CLIENT_SECRET,
      ),
      ...pair(
        "OAUTH_GOOGLE_CLIENT_ID and OAUTH_GOOGLE_CLIENT_SECRET",
        env.OAUTH_GOOGLE_CLIENT_ID,
        env.OAUTH_GOOGLE_CLIENT_SECRET,
      ),
    ])
      ctx.addIssue({ code: "custom", message, path: [message.split(" ")[0]!] });
  })
  .superRefine(
    requireRedisInProduction("the Redis that queues jobs and counts abuse limits across API instances"),
    EVEN_WHEN_INVALID,
  )
  .superRefine(
    requireInProduction({
      WEB_ORIGIN: "the web app's public origin (https://…), for links in emails and the origin check",
      CTO_ENCRYPTION_KEY:
        "32 random bytes as 64 hex characters (openssl rand -hex 32) that seal stored secrets; keep it safe, data sealed with it is unreadable without it",
    }),
    EVEN_WHEN_INVALID,
  )
  .transform((env) => ({
    ...env,
    WEB_ORIGIN: env.WEB_ORIGIN ?? DEVELOPMENT.WEB_ORIGIN,
    redis: redisTargetFromEnv(env),
  }));

export type TEnv = z.infer<typeof ZEnvSchema> & { ai: TAiConfig };

/** The identity providers the environment turns on, in the order the sign-in page shows them. */
export const identityProvidersFromEnv = (env: TEnv): TProviderSettings[] => [
  ...(env.OAUTH_GITHUB_CLIENT_ID && env.OAUTH_GITHUB_CLIENT_SECRET
    ? [
        {
          id: "github",
          name: "GitHub",
          kind: "github" as const,
          issuer: env.OAUTH_GITHUB_URL,
          apiUrl: env.OAUTH_GITHUB_API_URL,
          clientId: env.OAUTH_GITHUB_CLIENT_ID,
          clientSecret: env.OAUTH_GITHUB_CLIENT_SECRET,
        },
      ]
    : []),
  ...(env.OAUTH_GOOGLE_CLIENT_ID && env.OAUTH_GOOGLE_CLIENT_SECRET
    ? [
        {
          id: "google",
          name: "Google",
          kind: "oidc" as const,
          issuer: "https://accounts.google.com",
          clientId: env.OAUTH_GOOGLE_CLIENT_ID,
          clientSecret: env.OAUTH_GOOGLE_CLIENT_SECRET,
        },
      ]
    : []),
  ...env.OIDC_PROVIDERS.map((provider) => ({ ...provider, kind: "oidc" as const })),
];

/** Whether /ready fails while Redis is unreachable: READINESS_REDIS, else only in production (where Redis is part of the deployment). */
export const readinessRequiresRedis = (env: Pick<TEnv, "NODE_ENV" | "READINESS_REDIS">) =>
  (env.READINESS_REDIS ?? (env.NODE_ENV === "production" ? "required" : "optional")) === "required";

/** The API's whole configuration (the AI settings through @cto/ai's parser), validated once at start; nothing else reads process.env. */
export const loadEnv = (source: NodeJS.ProcessEnv = process.env): TEnv => ({
  ...parseEnv(ZEnvSchema, source, "API"),
  ai: parseAiConfig(source),
});

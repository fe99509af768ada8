import path from "node:path";

import type { TRedis } from "@cto/queue/connection";
import { requestId } from "hono/request-id";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import type { TAiProvider } from "@cto/ai/provider";
import type { Db } from "@cto/db/client";
import { defaultDataDir } from "@cto/db/paths";
import { createSecretBox, loadEncryptionKey, type SecretBox } from "@cto/db/secrets";
import { actingAs } from "@cto/db/replicas";
import type { TLogger } from "@cto/log/logger";
import { isConnectionError } from "@cto/queue/connection";
import { boundQueues, type TQueues } from "@cto/queue/queues";
import { createLocalStorage } from "@cto/storage/local";
import type { TStorage } from "@cto/storage/storage";

import { DEFAULT_CONFIG, type ApiConfig, type AppEnv } from "./context.ts";
import { handleError, renderError } from "./errors.ts";
import { createRouter } from "./lib/openapi.ts";
import { API_VERSION_HEADER, apiVersion, routedPath } from "./middleware/api-version.ts";
import { log } from "./log.ts";
import { httpMetrics } from "./metrics.ts";
import { NO_AUTH_CACHE, type TAuthCache } from "./lib/auth-cache.ts";
import { clientAddressResolver, socketAddressOf } from "./lib/client-address.ts";
import {
  docsHeaders,
  docsPage,
  lockedDownHeaders,
  noStoreWhenPersonal,
  queueBoardHeaders,
} from "./middleware/security-headers.ts";
import { limitBodySize, limitsOwnBody, requireJsonBody } from "./middleware/request-hygiene.ts";
import { requestLog } from "./middleware/request-log.ts";
import { corsForOrigin } from "./middleware/cors.ts";
import { adminAuditRoutes, adminUserRoutes } from "./routes/admin-users.ts";
import { aiModelAdminRoutes, aiModelRoutes } from "./routes/ai-models.ts";
import { modelRoutes } from "./routes/models.ts";
import { apiKeyRoutes } from "./routes/api-keys.ts";
import { accountRoutes } from "./routes/account.ts";
import { analysisRoutes } from "./routes/analysis.ts";
import { assistantRoutes } from "./routes/assistant.ts";
import { authRecoveryRoutes } from "./routes/auth-recovery.ts";
import { authRoutes } from "./routes/auth.ts";
import { oauthRoutes } from "./routes/oauth.ts";
import { passkeyRoutes } from "./routes/passkeys.ts";
import { twoFactorRoutes } from "./routes/two-factor.ts";
import { unsubscribeRoutes } from "./routes/unsubscribe.ts";
import { chatRoutes } from "./routes/chat.ts";
import { documentRoutes } from "./routes/documents.ts";
import { routineRoutes } from "./routes/routines.ts";
import { scheduleRoutes } from "./routes/schedules.ts";
import { knowledgeRoutes } from "./routes/knowledge.ts";
import { ADMIN_QUEUES_PATH, adminQueueRoutes } from "./routes/admin-queues.ts";
import { searchRoutes } from "./routes/search.ts";
import { myUsageRoutes } from "./routes/usage.ts";
import { notificationRoutes, reminderScheduleRoutes, telegramRoutes } from "./routes/channels.ts";
import { telegramWebhookRoutes, type TTelegramWebhookConfig } from "./routes/telegram-webhook.ts";
import { devRoutes } from "./routes/dev.ts";
import { coachingRoutes } from "./routes/coaching.ts";
import { communityRoutes } from "./routes/community.ts";
import { commitmentRoutes, goalRoutes } from "./routes/goals.ts";
import { healthRoutes } from "./routes/health.ts";
import { calendarOAuthRoutes } from "./routes/calendar-oauth.ts";
import { calendarRoutes } from "./routes/calendars.ts";
import { connectedAccountRoutes, sessionRoutes } from "./routes/security.ts";
import { createAuthLimiters, takeAuthRequest } from "./services/auth-limits.ts";
import { createOutboxMailer, createPostman, type Mailer, type OutboxMailer } from "./services/mailer.ts";
import { createCalendarOAuth, type TCalendarOAuth } from "./services/calendar-oauth.ts";
import { createOAuthProviders, type TOAuthProviders } from "./services/oauth/providers.ts";
import { createLeases } from "./lib/leases.ts";
import { createSharedCache } from "./lib/shared-cache.ts";

export type { AppEnv };

/** Longest wait for Redis on a limit check; past it the in-process count answers (a slow Redis slows no sign-in). */
const LIMIT_STORE_TIMEOUT_MS = 500;
/** Longest wait for Redis on a cache read or invalidation; past it the database answers. */
const CACHE_TIMEOUT_MS = 250;
/** The most a cached entry can outlive a write whose invalidation Redis lost (it was away). */
const CACHE_TTL_MS = 10 * 60_000;

// Exact, like the router (strict paths): `/goals/` is no route at all, not `/goals` asked the wrong way.
const pathPattern = (path: string) => new RegExp(`^${path.replace(/\/\*$/, "(/.*)?").replace(/:[^/]+/g, "[^/]+")}$`);

export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Cto API",
    version: "0.1.0",
    description:
      "Cto's REST API, version 1. Every path is served both as written and under `/v1` (`/v1/goals` is `/goals`); every answer names its version in `Cto-Api-Version`, and a client may send that header to insist on one. Enum values are lowercase snake; timestamps are Unix milliseconds. Every error is `{ error: { code, message, requestId, details? } }`.",
    license: { name: "MIT", identifier: "MIT" },
  },
  servers: [{ url: "http://127.0.0.1:3000", description: "Local development" }],
};

export type AppDependencies = {
  db: Db;
  config?: ApiConfig;
  /**
   * Where emails go when the API sends them itself (no queue took them): SMTP or, by default, the
   * development outbox in the data folder. With queues, the worker sends them.
   */
  mailer?: Mailer;
  /** The AI provider; by default from the AI_* / OPENAI_* environment (the offline local provider without a key). */
  ai?: TAiProvider;
  /**
   * The background-job queues (Redis). Null or absent: the API runs without Redis; what would be
   * enqueued is left in the database for the worker to pick up once it runs. Every write to them
   * is bounded by `config.queueTimeoutMs`, so no request waits out a Redis outage.
   */
  queues?: TQueues | null;
  /** The Telegram webhook's settings; null or absent: POST /telegram/webhook answers 503. */
  telegram?: TTelegramWebhookConfig | null;
  /** Uploaded files (screenshots); by default files in the data folder's uploads/. */
  storage?: TStorage;
  /**
   * Where the abuse limits are counted: Redis (the producer connection) to share them between API
   * instances, null or absent for this process only. `prefix` namespaces the keys (tests);
   * `timeoutMs` bounds each Redis call, past which the in-process count answers.
   */
  limitStore?: { redis: TRedis | null; prefix?: string; timeoutMs?: number };
  /**
   * Where shared caches (user context, the AI model catalogue) and leases (chat replies being written)
   * live: Redis, the same for every API instance, so a write through one is read through all
   * (lib/shared-cache.ts, lib/leases.ts); null or absent: none.
   */
  cacheStore?: { redis: TRedis | null; prefix?: string; ttlMs?: number; timeoutMs?: number };
  /**
   * Who each session token and API key belongs to, kept in this process and in Redis and forgotten by
   * every instance on sign-out or revoke (lib/auth-cache.ts); by default none: every request asks the database.
   */
  authCache?: TAuthCache;
  /** Where request lines and errors are logged; by default the process logger (src/log.ts). */
  logger?: TLogger;
  /** Serve GET /dev/outbox (never in production). */
  devRoutes?: boolean;
  /** Seals stored secrets (TOTP secrets); by default with the development key in the data folder (@cto/db/secrets). */
  secrets?: SecretBox;
  /** Identity providers one can sign in with (services/oauth/providers.ts); by default none. */
  oauthProviders?: TOAuthProviders;
  /** The OAuth clients that connect Google and Microsoft 365 calendars (services/calendar-oauth.ts); by default none. */
  calendarOAuth?: TCalendarOAuth;
};

export const createApp = ({
  db,
  config = DEFAULT_CONFIG,
  mailer = createOutboxMailer(path.join(defaultDataDir(), "outbox")),
  devRoutes: withDevRoutes = false,
  ai = createAiProvider(parseAiConfig()),
  queues = null,
  logger = log,
  storage = createLocalStorage({ root: path.join(defaultDataDir(), "uploads") }),
  telegram = null,
  limitStore = { redis: null },
  authCache = NO_AUTH_CACHE,
  cacheStore = { redis: null },
  secrets = createSecretBox(loadEncryptionKey()),
  oauthProviders = createOAuthProviders([], config.webOrigin),
  calendarOAuth = createCalendarOAuth([], config.webOrigin),
}: AppDependencies) => {
  const app = createRouter({ getPath: routedPath });
  const limits = createAuthLimiters(config.authLimits, {
    redis: limitStore.redis,
    prefix: limitStore.prefix ?? "cto-limits",
    timeoutMs: limitStore.timeoutMs ?? LIMIT_STORE_TIMEOUT_MS,
  });
  const clientAddressOf = clientAddressResolver(config.trustProxy);
  // An unreachable Redis is reported by the connection's watcher; anything else (slow, a script error) here.
  const redisTrouble = (what: string) => (error: unknown) =>
    isConnectionError(error) || logger.warn({ err: error }, what);
  const cachePrefix = cacheStore.prefix ?? "cto-cache";
  const cacheTimeoutMs = cacheStore.timeoutMs ?? CACHE_TIMEOUT_MS;
  const sharedCache = createSharedCache(
    {
      redis: cacheStore.redis,
      prefix: cachePrefix,
      ttlMs: cacheStore.ttlMs ?? CACHE_TTL_MS,
      timeoutMs: cacheTimeoutMs,
    },
    redisTrouble("shared cache: Redis did not answer in time; the database did"),
  );
  const leases = createLeases(
    {
      redis: cacheStore.redis,
      prefix: cachePrefix,
      ttlMs: config.replyLeaseMs,
      renewMs: config.replyLeaseMs / 3,
      timeoutMs: cacheTimeoutMs,
    },
    redisTrouble("leases: Redis did not answer in time"),
  );
  const boundedQueues = queues && boundQueues(queues, config.queueTimeoutMs);
  // Asked once, at the first request: the OpenAPI document is built from an app with no database at all.
  let readsMayLag: boolean | undefined;
  const postman = createPostman({ db, transport: mailer, queues: boundedQueues, log: logger, retry: config.mailRetry });
  app.use(httpMetrics);
  app.use(requestId());
  app.use(requestLog(logger));
  app.use(lockedDownHeaders);
  app.use(noStoreWhenPersonal);
  app.use(
    corsForOrigin({
      origin: config.webOrigin,
      allowHeaders: ["Content-Type", "Authorization", API_VERSION_HEADER],
      exposeHeaders: ["X-Request-Id", "Retry-After", API_VERSION_HEADER],
    }),
  );
  app.use(apiVersion);
  app.use(async (c, next) => {
    c.set("db", db);
    c.set("config", config);
    c.set("postman", postman);
    c.set("ai", ai);
    c.set("queues", boundedQueues);
    c.set("storage", storage);
    c.set("limits", limits);
    c.set("authCache", authCache);
    c.set("sharedCache", sharedCache);
    c.set("leases", leases);
    c.set("secrets", secrets);
    c.set(
      "clientAddress",
      clientAddressOf({ socketAddress: socketAddressOf(c.env), forwardedFor: c.req.header("x-forwarded-for") }),
    );
    // On behalf of whoever requireAuth finds: their writes keep their replica reads on the primary for a while.
    // Without replicas there is nothing to route, and the async context it needs would cost every promise
    // of every request a hook (Node 20's AsyncLocalStorage).
    readsMayLag ??= db.$replicaStatus().length > 0;
    if (readsMayLag) await actingAs(() => c.get("auth")?.userId, next);
    else await next();
  });
  // Archives are larger than any other request body: the import counts its bytes as it streams them (maxImportBytes).
  // Screenshots are images with their own limit; the multipart framing around the file gets a little room.
  app.use("/analysis-sessions/:id/screenshot", limitBodySize(config.maxScreenshotBytes + 64 * 1024));
  app.use("/documents", limitBodySize(config.maxDocumentBytes + 64 * 1024));
  const limitGeneralBody = limitBodySize(config.maxBodyBytes);
  app.use(async (c, next) => (limitsOwnBody(c.req.path) ? next() : limitGeneralBody(c, next)));
  app.use(requireJsonBody(config.maxBodyBytes));

  app.route("/", healthRoutes);
  for (const path of [
    "/auth/sign-in",
    "/auth/sign-in/second-factor",
    // Passkey sign-ins, alone or as the second step: each makes and checks a WebAuthn challenge.
    "/auth/sign-in/passkey/options",
    "/auth/sign-in/passkey",
    "/auth/sign-in/second-factor/passkey/options",
    "/auth/sign-in/second-factor/passkey",
    "/auth/sign-up",
    "/auth/password-reset",
    "/auth/password-reset/confirm",
    "/auth/verify-email",
    // A provider sign-in's two steps: each callback makes the API call the provider.
    "/auth/oauth/:provider/start",
    "/auth/oauth/:provider/callback",
    "/calendars/oauth/:provider/callback",
    "/unsubscribe",
  ])
    app.use(path, async (c, next) => {
      await takeAuthRequest(limits, c.get("clientAddress"));
      await next();
    });
  app.route("/auth", authRoutes);
  app.route("/auth", authRecoveryRoutes);
  app.route("/auth", twoFactorRoutes);
  app.route("/auth", passkeyRoutes);
  app.route("/auth", oauthRoutes(oauthProviders));
  if (withDevRoutes && mailer.kind === "outbox" && "list" in mailer)
    app.route("/dev", devRoutes(mailer as OutboxMailer));
  app.route("/api-keys", apiKeyRoutes);
  app.route("/me", accountRoutes);
  app.route("/me", myUsageRoutes);
  app.route("/sessions", sessionRoutes);
  app.route("/connected-accounts", connectedAccountRoutes);
  app.route("/calendars", calendarRoutes(calendarOAuth));
  app.route("/calendars", calendarOAuthRoutes(calendarOAuth));
  app.route("/notifications", notificationRoutes);
  app.route("/unsubscribe", unsubscribeRoutes);
  app.route("/reminder-schedules", reminderScheduleRoutes);
  app.route("/telegram/webhook", telegramWebhookRoutes(telegram));
  app.route("/telegram", telegramRoutes({ linkable: telegram !== null }));
  app.route("/goals", goalRoutes);
  app.route("/commitments", commitmentRoutes);
  // Each area router mounts its own resource paths (e.g. /conversations, /people, /analysis-sessions, /posts).
  app.route("/", coachingRoutes);
  app.route("/", assistantRoutes);
  app.route("/", analysisRoutes);
  app.route("/", communityRoutes);
  app.route("/", chatRoutes);
  app.route("/search", searchRoutes);
  app.route("/documents", documentRoutes);
  app.route("/routines", routineRoutes);
  app.route("/schedules", scheduleRoutes);
  app.route("/admin/knowledge", knowledgeRoutes);
  app.route("/ai-models", aiModelRoutes);
  app.route("/models", modelRoutes);
  app.route("/admin/ai-models", aiModelAdminRoutes);
  app.route("/admin/users", adminUserRoutes);
  app.route("/admin/audit-log", adminAuditRoutes);
  for (const path of [ADMIN_QUEUES_PATH, `${ADMIN_QUEUES_PATH}/*`]) app.use(path, queueBoardHeaders);
  app.route(ADMIN_QUEUES_PATH, adminQueueRoutes(boundedQueues));

  app.openAPIRegistry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "cto_session",
    description: "Set by /auth/sign-in; the web app's credential",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key from POST /api-keys",
  });
  app.doc31("/openapi.json", OPENAPI_DOCUMENT);
  app.get("/docs", docsHeaders, docsPage);

  app.notFound((c) => {
    const sameRoute = app.routes.filter((route) => route.method !== "ALL" && pathPattern(route.path).test(c.req.path));
    if (sameRoute.length) {
      c.header("Allow", [...new Set(sameRoute.map((route) => route.method))].join(", "));
      return renderError(c, "method_not_allowed", `${c.req.method} is not allowed here.`);
    }
    return renderError(c, "not_found", `No route ${c.req.method} ${c.req.path}.`);
  });
  app.onError(handleError);
  return app;
};

import type { AddressInfo } from "node:net";

import { serve } from "@hono/node-server";

import { createAiProvider } from "@cto/ai/create-provider";
import { calendarOAuthFromEnv } from "@cto/core/calendar-oauth";
import { checkAppRole, createDb } from "@cto/db/client";
import { redisRecentWrites, replicaOptionsFromEnv } from "@cto/db/replicas";
import { defaultDataDir } from "@cto/db/paths";
import { createSecretBox, loadEncryptionKey } from "@cto/db/secrets";
import { createMailTransport, mailConfigFromEnv } from "@cto/mail/config";
import { createProducerConnection, isConnectionError, watchRedis } from "@cto/queue/connection";
import { createQueues } from "@cto/queue/queues";
import { createStorage, storageConfigFromEnv } from "@cto/storage/config";

import { createApp } from "./app.ts";
import { createAuthCache } from "./lib/auth-cache.ts";
import { DEFAULT_CONFIG } from "./context.ts";
import { identityProvidersFromEnv, loadEnv, readinessRequiresRedis } from "./env.ts";
import { log } from "./log.ts";
import { startMetricsServer, watchDbPool, watchQueues } from "./metrics.ts";
import { redisReady } from "./middleware/rate-limit.ts";
import { createCalendarOAuth } from "./services/calendar-oauth.ts";
import { createOAuthProviders } from "./services/oauth/providers.ts";

// A configuration problem is one log line naming each variable (in production, each one it needs), not a stack.
const env = (() => {
  try {
    return loadEnv();
  } catch (error) {
    log.fatal(error);
    process.exit(1);
  }
})();
log.level = env.LOG_LEVEL;
process.on("uncaughtException", (error) => {
  log.fatal(error, "uncaught exception; exiting");
  process.exit(1);
});
process.on("unhandledRejection", (reason) => {
  log.fatal({ err: reason }, "unhandled promise rejection; exiting");
  process.exit(1);
});

// Fail-fast producer: a request that enqueues while Redis is away gets an error at once, never a hang.
// Its outages are logged once per reconnect attempt, whatever the queues on it do.
const redis = createProducerConnection(env.redis);
watchRedis(redis, { target: env.redis, log });
// Reads that tolerate lag go to the read replicas, if any; a user's writes are noted in Redis, so that
// every instance sends that user's reads to the primary for a while (packages/db/README.md, "Read replicas").
const db = createDb({
  url: env.DATABASE_URL,
  maxConnections: env.DATABASE_POOL_MAX,
  replicas: replicaOptionsFromEnv(env, {
    recentWrites: redisRecentWrites(redis),
    onChange: ({ url, state, lagMs, error }) =>
      state === "streaming"
        ? log.info({ replica: url }, "read replica in use")
        : log.warn({ replica: url, state, lagMs, error }, "read replica not in use: its reads go to the primary"),
  }),
});
// The app's role is asked for with a startup option a pooler may drop: never serve with the owner's rights.
void checkAppRole(db).then(
  (check) => {
    if (check.ok) return;
    log.fatal(check.reason);
    process.exit(1);
  },
  (error: unknown) => log.warn({ err: error }, "the database's role could not be checked at start (unreachable?)"),
);
const queues = createQueues({ connection: redis, prefix: env.WORKER_QUEUE_PREFIX });
// Who is calling, without a database round trip per request; a sign-out or revoke reaches every instance at once.
const authCache = createAuthCache({
  redis,
  prefix: `${env.WORKER_QUEUE_PREFIX}:auth`,
  onError: (error) =>
    isConnectionError(error) || log.warn({ err: error }, "auth cache: Redis did not answer; the database did"),
});
const storage = createStorage(storageConfigFromEnv(env, { dataDir: defaultDataDir() }));
// The API sends an email itself only when no queue takes it (Redis away); the worker sends the rest.
const mailer = createMailTransport(mailConfigFromEnv(env, { dataDir: defaultDataDir() }));
const config = {
  ...DEFAULT_CONFIG,
  webOrigin: env.WEB_ORIGIN,
  secureCookies: env.NODE_ENV === "production",
  telegramBotUsername: env.TELEGRAM_BOT_USERNAME ?? null,
  trustProxy: env.TRUST_PROXY,
  readinessRequiresRedis: readinessRequiresRedis(env),
  chatTokenBudget: env.AI_DAILY_TOKEN_BUDGET,
  calendarPrivateNetworks: env.CALENDAR_ALLOW_PRIVATE_NETWORKS,
};
void redisReady(redis, 2_000).then((ready) =>
  ready
    ? log.info("abuse limits counted in Redis, shared by every API instance")
    : log.warn(
        "Redis not reachable: abuse limits counted in this process until it is (not shared between API instances)",
      ),
);
const server = serve(
  {
    fetch: createApp({
      db,
      config,
      ai: createAiProvider(env.ai),
      queues,
      storage,
      mailer,
      limitStore: { redis },
      authCache,
      cacheStore: { redis },
      logger: log,
      telegram: env.TELEGRAM_WEBHOOK_SECRET ? { webhookSecret: env.TELEGRAM_WEBHOOK_SECRET } : null,
      devRoutes: env.NODE_ENV !== "production",
      secrets: createSecretBox(
        loadEncryptionKey({
          NODE_ENV: env.NODE_ENV,
          CTO_ENCRYPTION_KEY: env.CTO_ENCRYPTION_KEY,
          CTO_DATA_DIR: defaultDataDir(),
        }),
      ),
      oauthProviders: createOAuthProviders(
        identityProvidersFromEnv(env),
        env.OAUTH_CALLBACK_BASE_URL ?? `${env.WEB_ORIGIN}/api`,
      ),
      calendarOAuth: createCalendarOAuth(
        calendarOAuthFromEnv(env),
        env.OAUTH_CALLBACK_BASE_URL ?? `${env.WEB_ORIGIN}/api`,
      ),
    }).fetch,
    port: env.PORT,
    hostname: env.HOST,
  },
  (info) => {
    log.info({ url: `http://${env.HOST}:${info.port}` }, `listening on http://${env.HOST}:${info.port}`);
  },
);

watchDbPool(db);
watchQueues(queues);
// Metrics are for operators, so they get a listener of their own (loopback by default); a busy port
// costs the metrics, not the API.
const metricsServer = await startMetricsServer({
  host: env.METRICS_HOST,
  port: env.METRICS_PORT,
  token: env.METRICS_TOKEN,
}).then(
  (listening) => {
    const url = `http://${env.METRICS_HOST}:${(listening.address() as AddressInfo).port}/metrics`;
    log.info(
      { url, token: Boolean(env.METRICS_TOKEN) },
      `metrics on ${url}${env.METRICS_TOKEN ? " (bearer token required)" : ""}`,
    );
    return listening;
  },
  (error: Error) => {
    log.error(
      { err: error },
      `metrics not served: ${env.METRICS_HOST}:${env.METRICS_PORT} is not available (METRICS_PORT)`,
    );
    return null;
  },
);

// Requests in flight finish; idle keep-alive connections (a proxy's, a browser's) are closed so they do
// not hold the stop up. A second signal exits at once.
let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) process.exit(1);
  stopping = true;
  log.info({ signal }, "stopping: finishing requests in flight");
  metricsServer?.close();
  server.close(async () => {
    await queues.close();
    authCache.close();
    redis.disconnect();
    await db.$disconnect();
    log.info({ signal }, "stopped");
    process.exit(0);
  });
  (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
};
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));

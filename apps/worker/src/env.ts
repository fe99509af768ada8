import path from "node:path";

import { z } from "zod";

import { parseAiConfig, type TAiConfig } from "@cto/ai/config";
import { ZCalendarOAuthEnvSchema, requireCalendarOAuthPairs } from "@cto/core/calendar-oauth";
import { ZPrivateNetworksSchema } from "@cto/core/outbound-address";
import { EVEN_WHEN_INVALID, parseEnv, requireInProduction } from "@cto/contracts/env";
import { DEFAULT_AI_BODY_RETENTION_DAYS, DEFAULT_TRASH_RETENTION_DAYS } from "@cto/contracts/queues";
import { ZReplicaEnvSchema } from "@cto/db/replicas";
import { isEncryptionKey } from "@cto/db/secrets";
import { LOG_LEVELS } from "@cto/log/logger";
import { defaultDataDir } from "@cto/db/paths";
import { mailConfigFromEnv, requireMailSettings, ZMailEnvSchema, type TMailConfig } from "@cto/mail/config";
import type { TRedisTarget } from "@cto/queue/connection";
import { redisTargetFromEnv, requireOneRedis, requireRedisInProduction, ZRedisEnvSchema } from "@cto/queue/config";
import { requireS3Settings, storageConfigFromEnv, ZStorageEnvSchema, type TStorageConfig } from "@cto/storage/config";

const unset = (value: unknown) => (value === "" ? undefined : value);

const ZEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** Lowest level logged; lines are JSON (npm start prints them readably), see @cto/log. */
    LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
    // Redis: REDIS_URL, or REDIS_CLUSTER_NODES, or REDIS_SENTINELS + REDIS_SENTINEL_NAME (see packages/queue); development's local one when none.
    ...ZRedisEnvSchema.shape,
    DATABASE_URL: z.string().url(),
    // Most connections this process's pool opens to the primary (and to each replica): see the README's sizing rule.
    DATABASE_POOL_MAX: z.preprocess(unset, z.coerce.number().int().min(1).max(1_000).default(10)),
    // Streaming read replicas for reads that tolerate lag, and their lag bound (packages/db/README.md, "Read replicas").
    ...ZReplicaEnvSchema.shape,
    /** The key sealing stored secrets (packages/db/src/secrets.ts), the API's; development keeps one in the data folder. */
    CTO_ENCRYPTION_KEY: z.preprocess(
      unset,
      z.string().refine(isEncryptionKey, "32 bytes, as 64 hex characters or base64").optional(),
    ),
    WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
    WORKER_HEALTH_HOST: z.string().default("127.0.0.1"),
    /** With it set, GET /metrics on the health server needs `Authorization: Bearer <token>` (/health and /ready stay open to probes). */
    METRICS_TOKEN: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.string().min(16, "at least 16 characters").optional(),
    ),
    /** BullMQ key prefix; tests and side-by-side deployments isolate themselves with their own. */
    WORKER_QUEUE_PREFIX: z.string().min(1).default("cto"),
    /** Jobs one queue's Worker runs at once, unless the registry sets a queue's own concurrency. */
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
    /**
     * How long a job's lock lasts without renewal (renewed every half of it): a worker killed mid-job
     * holds its jobs at most this long plus one stall check. Long enough to outlast any event-loop pause
     * of a loaded machine, or a live worker's job would be taken for stalled.
     */
    WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1_000).default(10_000),
    /** How often workers look for stalled jobs (locks that expired) and put them back: one cheap script per queue. */
    WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(1_000).default(3_000),
    /** On SIGTERM, how long running jobs may finish before they are handed back to the queue for another worker (keep it under the stop grace). */
    WORKER_DRAIN_MS: z.coerce.number().int().min(0).default(20_000),
    /** Comma-separated queue names this process serves; empty = every queue with a processor. */
    WORKER_QUEUES: z.string().default(""),
    /** Whether this process upserts the periodic job schedulers (one deployment-wide is enough; repeats are idempotent). */
    WORKER_SCHEDULERS: z.enum(["on", "off"]).default("on"),
    /**
     * Fault injection for the crash tests only: after a reminder's first side effect the processor
     * waits this many ms, so a SIGKILL lands mid-job. Refused in production.
     */
    WORKER_FAULT_DELAY_MS: z.coerce.number().int().min(0).default(0),
    /** Where that pause happens: inside the reminder's transaction (rolled back by the kill) or after its commit. */
    WORKER_FAULT_POINT: z.enum(["in-transaction", "after-commit"]).default("in-transaction"),
    /** How often `reminders/reconcile` re-enqueues reminders whose job Redis lost. */
    WORKER_RECONCILE_EVERY_MS: z.coerce.number().int().min(500).default(60_000),
    /** Telegram's bot token; unset: Telegram delivery is off (messages stay pending until it is set). */
    TELEGRAM_BOT_TOKEN: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(1).optional()),
    /** The Bot API's base URL (a local stand-in in tests). */
    TELEGRAM_API_BASE_URL: z.string().url().default("https://api.telegram.org"),
    /** How long one request to a connected calendar's server may take before the sync gives up and is retried. */
    CALENDAR_FETCH_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(20_000),
    /**
     * Whether calendar URLs may point at loopback, private (10/8, 192.168/16, fc00::/7...), link-local or
     * CGNAT addresses: "false", so a user cannot make the worker probe its own network; "true", or a
     * comma-separated list of networks (CIDRs), for a self-hosted calendar server on that network.
     */
    CALENDAR_ALLOW_PRIVATE_NETWORKS: ZPrivateNetworksSchema,
    // Google and Microsoft 365 calendars: the API's OAuth clients, with which the worker refreshes their tokens.
    ...ZCalendarOAuthEnvSchema.shape,
    /** Where Tesseract keeps its unpacked English model between starts; the data folder's cache when unset. */
    OCR_CACHE_DIR: z.string().min(1).optional(),
    /** Days a row stays in the trash before the daily retention job deletes it for good. */
    TRASH_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(DEFAULT_TRASH_RETENTION_DAYS),
    /** Days an AI response keeps its request and response bodies; its model, tokens and cost stay. */
    AI_BODY_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(DEFAULT_AI_BODY_RETENTION_DAYS),
    /** Whole months of messages kept in the hot tables; older months move to the archive. Unset: none move. */
    HISTORY_HOT_MONTHS: z.preprocess(unset, z.coerce.number().int().min(1).max(1_200).optional()),
    /** Months after which an archived month is dropped for good (counted from now, so more than HISTORY_HOT_MONTHS). Unset: kept. */
    HISTORY_ARCHIVE_MONTHS: z.preprocess(unset, z.coerce.number().int().min(1).max(1_200).optional()),
    // Uploaded screenshots: the same STORAGE_* / S3_* settings as the API's (see packages/storage).
    ...ZStorageEnvSchema.shape,
    // Email: SMTP_URL and MAIL_FROM, as the API's (see packages/mail); required in production.
    ...ZMailEnvSchema.shape,
    /** The web app's public origin (the API's WEB_ORIGIN), for links in nudge emails; unset in production: no nudge emails. */
    WEB_ORIGIN: z.preprocess(unset, z.string().url().optional()),
  })
  .superRefine(requireS3Settings)
  .superRefine(requireMailSettings, EVEN_WHEN_INVALID)
  .superRefine(requireOneRedis)
  .superRefine(requireCalendarOAuthPairs)
  .superRefine(requireRedisInProduction("the Redis the API queues jobs in"), EVEN_WHEN_INVALID)
  .superRefine(
    requireInProduction({
      CTO_ENCRYPTION_KEY: "the API's key (64 hex characters) that seals stored secrets",
    }),
    EVEN_WHEN_INVALID,
  )
  .refine((env) => env.NODE_ENV !== "production" || env.WORKER_FAULT_DELAY_MS === 0, {
    message: "WORKER_FAULT_DELAY_MS is a test hook and must be 0 in production",
    path: ["WORKER_FAULT_DELAY_MS"],
  });

export type TEnv = z.infer<typeof ZEnvSchema> & {
  ai: TAiConfig;
  storage: TStorageConfig;
  mail: TMailConfig;
  /** Where links in emails point; development's Vite server when WEB_ORIGIN is unset, none in production. */
  webOrigin: string | undefined;
  ocrCacheDir: string;
  redis: TRedisTarget;
};

/** The worker's whole configuration (the AI settings through @cto/ai's parser), validated once at start; nothing else reads process.env. */
export const loadEnv = (source: NodeJS.ProcessEnv = process.env): TEnv => {
  const env = parseEnv(ZEnvSchema, source, "worker");
  const dataDir = defaultDataDir(source);
  return {
    ...env,
    redis: redisTargetFromEnv(env),
    ai: parseAiConfig(source),
    storage: storageConfigFromEnv(env, { dataDir }),
    mail: mailConfigFromEnv(env, { dataDir }),
    webOrigin: env.WEB_ORIGIN ?? (env.NODE_ENV === "production" ? undefined : "http://127.0.0.1:5173"),
    ocrCacheDir: env.OCR_CACHE_DIR ?? path.join(dataDir, "cache", "tesseract"),
  };
};

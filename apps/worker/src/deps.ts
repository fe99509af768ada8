import { createAiProvider } from "@cto/ai/create-provider";
import type { TAiProvider } from "@cto/ai/provider";
import { calendarOAuthFromEnv, type TCalendarOAuthSettings } from "@cto/core/calendar-oauth";
import type { TPrivateNetworks } from "@cto/core/outbound-address";
import { createDb, type Db } from "@cto/db/client";
import { defaultDataDir } from "@cto/db/paths";
import { createSecretBox, loadEncryptionKey, type SecretBox } from "@cto/db/secrets";
import { redisRecentWrites, replicaOptionsFromEnv } from "@cto/db/replicas";
import { createMailTransport } from "@cto/mail/config";
import type { TMailTransport } from "@cto/mail/transport";
import { createProducerConnection, watchRedis } from "@cto/queue/connection";
import { createQueues, type TQueues } from "@cto/queue/queues";
import { createStorage } from "@cto/storage/config";
import type { TStorage } from "@cto/storage/storage";
import { createBotApi, type TBotApi } from "@cto/telegram/bot-api";

import type { TEnv } from "./env.ts";
import { createLogger, type TLogger } from "./log.ts";
import { createOcrRecognizer, type TOcrRecognizer } from "./services/ocr/recognizer.ts";

/**
 * What every processor receives besides its job. Others add fields here additively (a storage
 * client, a Telegram API base URL…); tests build their own object of this type.
 */
/** Where a processor that supports fault injection pauses (WORKER_FAULT_POINT), and for how long. */
export type TFault = { delayMs: number; point: "in-transaction" | "after-commit" };

export type TWorkerDeps = {
  db: Db;
  ai: TAiProvider;
  /** Producer side (fail fast), for follow-up jobs a processor enqueues. */
  queues: TQueues;
  log: TLogger;
  /** Uploaded files (screenshots), the same store the API writes to. */
  storage: TStorage;
  /** The process's one Tesseract worker, started on the first screenshot and ended by close(). */
  ocr: TOcrRecognizer;
  /** Where email goes: SMTP (SMTP_URL) or the development outbox. */
  mail: TMailTransport;
  /** The web app's public origin for links in emails (nudges); absent: nudges are not emailed. */
  webOrigin?: string;
  /** The Telegram Bot API client; absent when TELEGRAM_BOT_TOKEN is unset (delivery off). */
  telegram?: TBotApi;
  /** Opens the secrets the API sealed (connected calendars' credentials); absent: calendars are not synced. */
  secrets?: SecretBox;
  /** How long one request to a calendar server may take (CALENDAR_FETCH_TIMEOUT_MS). */
  calendarTimeoutMs?: number;
  /** Whether calendar servers on loopback, private or link-local addresses may be reached (CALENDAR_ALLOW_PRIVATE_NETWORKS). */
  calendarAllowPrivateNetworks?: TPrivateNetworks;
  /** The OAuth clients of Google and Microsoft calendars (CALENDAR_GOOGLE_*, CALENDAR_MICROSOFT_*), to refresh their tokens. */
  calendarOAuth?: TCalendarOAuthSettings[];
  /** The clock, replaceable in tests. */
  now: () => Date;
  /** Test-only fault injection (see env.ts); absent everywhere else. */
  fault?: TFault;
  /** How many reminders a batch takes along and the process remembers (REMINDER_BATCHES when absent); tests scale them down. */
  reminderBatches?: { takenAlong: number; remembered: number };
};

/** The real dependencies from the validated env, with a `close()` that releases them. */
export const createWorkerDeps = (env: TEnv) => {
  const connection = createProducerConnection(env.redis);
  const log = createLogger({}, undefined, env.LOG_LEVEL);
  // Reads that tolerate lag (reports' aggregates) may go to the read replicas; the users' writes are noted in
  // the Redis the API notes them in, so each side keeps a user who just wrote on the primary.
  const db = createDb({
    url: env.DATABASE_URL,
    maxConnections: env.DATABASE_POOL_MAX,
    replicas: replicaOptionsFromEnv(env, {
      recentWrites: redisRecentWrites(connection),
      onChange: ({ url, state, lagMs, error }) =>
        state === "streaming"
          ? log.info("read replica in use", { replica: url })
          : log.warn("read replica not in use: its reads go to the primary", { replica: url, state, lagMs, error }),
    }),
  });
  // The process's one report of Redis outages: the workers' own connections fail and recover with it.
  watchRedis(connection, { target: env.redis, log: log.pino });
  const queues = createQueues({ connection, prefix: env.WORKER_QUEUE_PREFIX });
  const ocr = createOcrRecognizer({ cachePath: env.ocrCacheDir });
  const mail = createMailTransport(env.mail);
  const deps: TWorkerDeps = {
    db,
    ai: createAiProvider(env.ai),
    queues,
    log,
    storage: createStorage(env.storage),
    ocr,
    mail,
    secrets: createSecretBox(
      loadEncryptionKey({
        NODE_ENV: env.NODE_ENV,
        CTO_ENCRYPTION_KEY: env.CTO_ENCRYPTION_KEY,
        CTO_DATA_DIR: defaultDataDir(),
      }),
    ),
    calendarTimeoutMs: env.CALENDAR_FETCH_TIMEOUT_MS,
    calendarAllowPrivateNetworks: env.CALENDAR_ALLOW_PRIVATE_NETWORKS,
    calendarOAuth: calendarOAuthFromEnv(env),
    now: () => new Date(),
  };
  if (env.webOrigin) deps.webOrigin = env.webOrigin;
  if (env.TELEGRAM_BOT_TOKEN)
    deps.telegram = createBotApi({ token: env.TELEGRAM_BOT_TOKEN, baseUrl: env.TELEGRAM_API_BASE_URL });
  if (env.WORKER_FAULT_DELAY_MS > 0) deps.fault = { delayMs: env.WORKER_FAULT_DELAY_MS, point: env.WORKER_FAULT_POINT };
  const close = async () => {
    await ocr.terminate();
    await mail.close();
    await queues.close();
    connection.disconnect();
    await db.$disconnect();
  };
  return { deps, close };
};

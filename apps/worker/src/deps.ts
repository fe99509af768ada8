import { createAiProvider } from "@cto/ai/create-provider";
import type { TAiProvider } from "@cto/ai/provider";
import { createDb, type Db } from "@cto/db/client";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues, type TQueues } from "@cto/queue/queues";

import type { TEnv } from "./env.ts";
import { createLogger, type TLogger } from "./log.ts";

/**
 * What every processor receives besides its job. Others add fields here additively (a storage
 * client, a Telegram API base URL…); tests build their own object of this type.
 */
export type TWorkerDeps = {
  db: Db;
  ai: TAiProvider;
  /** Producer side (fail fast), for follow-up jobs a processor enqueues. */
  queues: TQueues;
  log: TLogger;
  /** The clock, replaceable in tests. */
  now: () => Date;
  /** Test-only fault injection (see env.ts); 0 everywhere else. */
  faultDelayMs: number;
};

/** The real dependencies from the validated env, with a `close()` that releases them. */
export const createWorkerDeps = (env: TEnv) => {
  const db = createDb({ url: env.DATABASE_URL });
  const connection = createProducerConnection(env.REDIS_URL);
  const log = createLogger({ service: "worker" });
  connection.on("error", (error) => log.warn("producer redis error", { error }));
  const queues = createQueues({ connection, prefix: env.WORKER_QUEUE_PREFIX });
  const deps: TWorkerDeps = { db, ai: createAiProvider(env.ai), queues, log, now: () => new Date(), faultDelayMs: env.WORKER_FAULT_DELAY_MS };
  const close = async () => {
    await queues.close();
    connection.disconnect();
    await db.$disconnect();
  };
  return { deps, close };
};

import type { TAiProvider } from "@cto/ai/provider";
import type { Db } from "@cto/db/client";
import type { TLogger } from "@cto/log/logger";
import type { TQueues } from "@cto/queue/queues";
import type { TStorage } from "@cto/storage/storage";

import type { TSharedCache } from "../lib/shared-cache.ts";

export type TServiceLogger = Pick<TLogger, "debug" | "info" | "warn" | "error">;

/**
 * What a service needs besides its inputs and the user's id: plain values, never a request. A route
 * passes its request's (`depsOf(c)`), the coach's tools and tests pass their own.
 */
export type TDeps = {
  db: Db;
  /** null without Redis: jobs then wait for the worker's sweeps (reminders, embeddings). */
  queues: TQueues | null;
  /** The request's logger, whose lines carry its id; the API's own logger when absent. */
  logger?: TServiceLogger;
  /** Uploaded files; only the services that keep files need it. */
  storage?: TStorage;
  /** The caches every API instance shares (Redis); absent: every read goes to the database. */
  sharedCache?: TSharedCache;
  /** The configured AI provider; only the services that ask it (or check which models it serves) need it. */
  ai?: TAiProvider;
};

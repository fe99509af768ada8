import { Redis, type RedisOptions } from "ioredis";

/**
 * Producers fail fast: an API request that enqueues must not hang while Redis is away, so commands
 * fail after one retry and nothing is buffered offline (BullMQ's production guide).
 */
export const createProducerConnection = (url: string, options: RedisOptions = {}) =>
  new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000, ...options });

/**
 * Workers wait: a worker whose Redis restarts keeps retrying forever and resumes where it was,
 * which BullMQ requires (`maxRetriesPerRequest: null`).
 */
export const createWorkerConnection = (url: string, options: RedisOptions = {}) =>
  new Redis(url, {
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
    ...options,
  });

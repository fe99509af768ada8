import { Cluster, Redis, type RedisOptions } from "ioredis";

/**
 * Wait before reconnect attempt `attempt` (1, 2, …): 0.5 s doubling to 10 s. Short enough that a
 * restarted Redis is back in use within seconds, long enough that an absent one costs one log line
 * per attempt, not a stream of them.
 */
export const reconnectDelay = (attempt: number) => Math.min(500 * 2 ** Math.max(0, attempt - 1), 10_000);

export type THostPort = { host: string; port: number };

/**
 * Where Redis is (`@cto/queue/config` reads it from the environment): one server by URL, a Redis
 * Cluster by a few of its nodes, or the master a set of sentinels watches under `name`.
 */
export type TRedisTarget =
  | { kind: "single"; url: string }
  | { kind: "cluster"; nodes: THostPort[]; username?: string; password?: string }
  | {
      kind: "sentinel";
      sentinels: THostPort[];
      name: string;
      username?: string;
      password?: string;
      sentinelPassword?: string;
    };

/** A connection to any of them: BullMQ, rate-limiter-flexible and the probes take either. */
export type TRedis = Redis | Cluster;

// A master that Sentinel demoted answers writes with READONLY until this client notices: reconnect (to
// the master the sentinels name now) and resend the command.
const reconnectOnReadOnly = (error: Error) => (error.message.startsWith("READONLY") ? 2 : false);

const open = (target: string | TRedisTarget, options: RedisOptions): TRedis => {
  if (typeof target === "string") return new Redis(target, options);
  if (target.kind === "single") return new Redis(target.url, options);
  const credentials = {
    ...(target.username ? { username: target.username } : {}),
    ...(target.password ? { password: target.password } : {}),
  };
  if (target.kind === "sentinel") {
    return new Redis({
      reconnectOnError: reconnectOnReadOnly,
      ...options,
      ...credentials,
      sentinels: target.sentinels,
      name: target.name,
      ...(target.sentinelPassword ? { sentinelPassword: target.sentinelPassword } : {}),
      // Subscribes to the sentinels' +switch-master, so a failover is followed at once, not at the next error.
      failoverDetector: true,
      sentinelRetryStrategy: options.retryStrategy ?? reconnectDelay,
    });
  }
  // The cluster-wide settings; the rest apply to each node's connection. A slot map refresh gets longer
  // than ioredis's 1 s, which a loaded machine can miss and then drop a healthy cluster.
  const { retryStrategy, enableOfflineQueue, lazyConnect, ...nodeOptions } = options;
  return new Cluster(target.nodes, {
    clusterRetryStrategy: retryStrategy ?? reconnectDelay,
    ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
    ...(lazyConnect === undefined ? {} : { lazyConnect }),
    slotsRefreshTimeout: 3_000,
    redisOptions: { ...nodeOptions, ...credentials },
  });
};

const PRODUCER: RedisOptions = {
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  connectTimeout: 2_000,
  retryStrategy: reconnectDelay,
};
const WORKER: RedisOptions = { maxRetriesPerRequest: null, enableOfflineQueue: true, retryStrategy: reconnectDelay };

/**
 * Producers fail fast: an API request that enqueues must not hang while Redis is away, so commands
 * fail after one retry and nothing is buffered offline (BullMQ's production guide). Every producer-side
 * client of a process (queues, abuse limits, readiness, metrics) is one of these.
 */
export function createProducerConnection(target: string, options?: RedisOptions): Redis;
export function createProducerConnection(target: string | TRedisTarget, options?: RedisOptions): TRedis;
export function createProducerConnection(target: string | TRedisTarget, options: RedisOptions = {}): TRedis {
  return open(target, { ...PRODUCER, ...options });
}

/**
 * Workers wait: a worker whose Redis restarts keeps retrying forever and resumes where it was,
 * which BullMQ requires (`maxRetriesPerRequest: null`).
 */
export function createWorkerConnection(target: string, options?: RedisOptions): Redis;
export function createWorkerConnection(target: string | TRedisTarget, options?: RedisOptions): TRedis;
export function createWorkerConnection(target: string | TRedisTarget, options: RedisOptions = {}): TRedis {
  return open(target, { ...WORKER, ...options });
}

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EAI_AGAIN",
]);
const CONNECTION_MESSAGES =
  /Connection is closed|Stream isn't writeable|Reached the max retries per request|connect ETIMEDOUT|ECONNREFUSED/;

/** Whether `error` only says that Redis cannot be reached (which the connection's watcher reports once per attempt). */
export const isConnectionError = (error: unknown) =>
  error instanceof Error &&
  (CONNECTION_CODES.has(String((error as { code?: unknown }).code)) || CONNECTION_MESSAGES.test(error.message));

const hostPorts = (nodes: THostPort[]) =>
  nodes.map(({ host, port }) => (host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`)).join(",");

/** Where Redis is, without credentials, for log lines: host:port, or the cluster's or sentinels' nodes. */
export const redisLocation = (target: string | TRedisTarget) => {
  if (typeof target !== "string" && target.kind === "cluster") return `cluster ${hostPorts(target.nodes)}`;
  if (typeof target !== "string" && target.kind === "sentinel")
    return `sentinel master "${target.name}" via ${hostPorts(target.sentinels)}`;
  try {
    const parsed = new URL(typeof target === "string" ? target : target.url);
    return `${parsed.hostname}:${parsed.port || 6379}`;
  } catch {
    return "(invalid REDIS_URL)";
  }
};

const downTrackers = new WeakMap<TRedis, () => boolean>();

/**
 * A function telling whether this connection is known to be down: it failed and has not been ready
 * since. False while a first connection is still being made, so a starting process does not refuse
 * work it could do. Call it when the connection is made; later calls return the same tracker.
 */
export const trackDown = (connection: TRedis): (() => boolean) => {
  const existing = downTrackers.get(connection);
  if (existing) return existing;
  let down = false;
  connection.on("reconnecting", () => (down = true));
  connection.on("end", () => (down = true));
  connection.on("ready", () => (down = false));
  const isDown = () => down;
  downTrackers.set(connection, isDown);
  return isDown;
};

/** The little of a logger the watcher needs; a pino logger fits. */
export type TConnectionLog = {
  info: (fields: Record<string, unknown>, msg: string) => void;
  warn: (fields: Record<string, unknown>, msg: string) => void;
};

const seconds = (ms: number) => `${ms < 10_000 ? (ms / 1_000).toFixed(1) : Math.round(ms / 1_000)} s`;

/**
 * Reports a connection's outages: one line when Redis is first found unreachable, one per reconnect
 * attempt (which `reconnectDelay` spaces out), one when it is back. Watch one connection per process;
 * the process's other connections fail and recover together with it and should stay quiet
 * (`isConnectionError`). Returns a function that stops watching.
 */
export const watchRedis = (
  connection: TRedis,
  { target, log }: { target: string | TRedisTarget; log: TConnectionLog },
) => {
  const where = redisLocation(target);
  let lastError = "no answer";
  let outage: { since: number; attempts: number } | null = null;
  const onError = (error: Error) => {
    lastError = error.message || (error as { code?: string }).code || error.name;
  };
  const onReconnecting = (delayMs: number) => {
    outage ??= { since: Date.now(), attempts: 0 };
    outage.attempts += 1;
    const fields = { redis: where, error: lastError, attempt: outage.attempts, retryInMs: delayMs };
    if (outage.attempts === 1)
      log.warn(
        fields,
        `Redis is unreachable at ${where} (${lastError}): background jobs wait for it; next attempt in ${seconds(delayMs)}`,
      );
    else
      log.warn(
        fields,
        `Redis still unreachable at ${where} (${lastError}); attempt ${outage.attempts}, next in ${seconds(delayMs)}`,
      );
  };
  const onReady = () => {
    if (outage)
      log.info(
        { redis: where, downMs: Date.now() - outage.since },
        `Redis is reachable again at ${where} after ${seconds(Date.now() - outage.since)}`,
      );
    outage = null;
  };
  connection.on("error", onError);
  connection.on("reconnecting", onReconnecting);
  connection.on("ready", onReady);
  return () => {
    connection.off("error", onError);
    connection.off("reconnecting", onReconnecting);
    connection.off("ready", onReady);
  };
};

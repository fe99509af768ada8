import { Queue, type JobsOptions } from "bullmq";

import { QUEUE_JOBS, QUEUE_NAMES, type TJobInput, type TJobName, type TQueueName } from "@cto/contracts/queues";

import { trackDown, type TRedis } from "./connection.ts";
import { DEFAULT_JOB_OPTIONS, QUEUE_JOB_OPTIONS } from "./job-options.ts";

export type TQueues = {
  /** Validates the payload against its contract, then adds the job; throws `QueuePayloadError` on a bad payload. */
  enqueue: <Q extends TQueueName, J extends TJobName<Q>>(
    queue: Q,
    job: J,
    payload: TJobInput<Q, J>,
    options?: JobsOptions,
  ) => Promise<{ id: string }>;
  /** Removes a waiting, delayed or finished job; removing one that is running throws (BullMQ holds its lock). */
  remove: (queue: TQueueName, jobId: string) => Promise<void>;
  /** The BullMQ queue itself, for job schedulers, reads and dashboards. */
  queue: (name: TQueueName) => Queue;
  /**
   * False while the connection is known to be down (it failed and has not come back): writes then fail
   * at once instead of waiting (see `boundQueues`). Absent on stand-ins, which count as available.
   */
  available?: () => boolean;
  close: () => Promise<void>;
};

export class QueuePayloadError extends Error {
  constructor(queue: string, job: string, issues: string) {
    super(`Payload of ${queue}/${job} does not match its contract: ${issues}`);
    this.name = "QueuePayloadError";
  }
}

/**
 * The key prefix of one queue's keys. On a Redis Cluster every key one BullMQ script touches must be in
 * one slot, so each queue's prefix carries a hash tag naming the queue (`{cto:reminders}`): a queue's keys
 * share a slot and the queues spread over the masters. A prefix that has a tag already is kept (`{cto}`
 * puts every queue in one slot). On one server or Sentinel the prefix is as given, so the keys of an
 * existing deployment stay where they are.
 */
export const queuePrefix = (prefix: string, queue: string, connection: Pick<TRedis, "isCluster">) =>
  !connection.isCluster || /\{[^}]+\}/.test(prefix) ? prefix : `{${prefix}:${queue}}`;

/**
 * One `Queue` per name, sharing one fail-fast producer connection; `prefix` isolates tests. The queues'
 * own error events are swallowed: each only repeats the connection's error (BullMQ prints a stack trace
 * per queue and attempt when nobody listens), and the process's `watchRedis` reports the outage once.
 */
export const createQueues = ({ connection, prefix = "cto" }: { connection: TRedis; prefix?: string }): TQueues => {
  const isDown = trackDown(connection);
  const queues = new Map(
    QUEUE_NAMES.map((name) => {
      const queue = new Queue(name, {
        connection,
        prefix: queuePrefix(prefix, name, connection),
        defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, ...QUEUE_JOB_OPTIONS[name] },
      });
      queue.on("error", () => undefined);
      return [name, queue];
    }),
  );
  const queue = (name: TQueueName) => queues.get(name)!;
  return {
    queue,
    available: () => !isDown(),
    enqueue: async (name, job, payload, options) => {
      const schema = (
        QUEUE_JOBS[name] as Record<
          string,
          { safeParse: (value: unknown) => { success: boolean; error?: { message: string } } }
        >
      )[job];
      if (!schema) throw new QueuePayloadError(name, job, "no such job in this queue");
      const parsed = schema.safeParse(payload);
      if (!parsed.success) throw new QueuePayloadError(name, job, parsed.error?.message ?? "invalid");
      const added = await queue(name).add(job, payload, options);
      return { id: added.id! };
    },
    remove: async (name, jobId) => {
      await queue(name).remove(jobId);
    },
    close: async () => {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
};

/** How long a write path waits for Redis before it carries on without the job (the sweeps and reconciles add it later). */
export const PRODUCER_TIMEOUT_MS = 3_000;

/** Redis cannot take the write now; what was written to the database stands, and the sweeps add the job later. */
export class QueueUnavailableError extends Error {
  constructor(message = "Redis is unreachable; not waiting for it") {
    super(message);
    this.name = "QueueUnavailableError";
  }
}

export class QueueTimeoutError extends QueueUnavailableError {
  constructor(ms: number, detail = "") {
    super(`Redis did not answer within ${ms} ms${detail}`);
    this.name = "QueueTimeoutError";
  }
}

/**
 * Rejects with `timedOut()` (by default `QueueTimeoutError`) once `ms` pass. Needed although producers
 * fail fast: while Redis is unreachable BullMQ waits for the connection to become ready before it sends
 * any command, and the producer connection keeps reconnecting, so an un-bounded `add` waits as long as
 * the outage lasts. The API's caches bound their Redis commands with it too (`timedOut` names the cache).
 */
export const withinTimeout = <T>(
  promise: Promise<T>,
  ms = PRODUCER_TIMEOUT_MS,
  timedOut: () => Error = () => new QueueTimeoutError(ms),
): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    // Due timers run before Node reads the sockets: after an event-loop stall an answer that came in
    // time still waits unread, so the rejection waits for setImmediate, which runs after that read.
    timer = setTimeout(() => setImmediate(() => reject(timedOut())), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

/**
 * The same queues with every write (`enqueue`, `remove`) bounded by `ms`, for callers that must answer
 * whether or not Redis does (the API). While the connection is known to be down (`available`), writes
 * fail at once with `QueueUnavailableError`: no request waits for a Redis that is not there. Otherwise
 * a write waits at most `ms`; after a timeout Redis counts as away for another `ms`, so a request that
 * adds several jobs (a chat turn: tool rows, reminder, summary, reply) waits once, not once per job.
 * A write that timed out may still land once Redis is back; every job the API adds is idempotent by
 * job id or by content, so that is harmless.
 */
export const boundQueues = (queues: TQueues, ms = PRODUCER_TIMEOUT_MS): TQueues => {
  let awayUntil = 0;
  const bounded = async <T>(write: () => Promise<T>) => {
    if (queues.available?.() === false) throw new QueueUnavailableError();
    if (Date.now() < awayUntil) throw new QueueTimeoutError(ms, " a moment ago; not waiting again yet");
    try {
      return await withinTimeout(write(), ms);
    } catch (error) {
      if (error instanceof QueueTimeoutError) awayUntil = Date.now() + ms;
      throw error;
    }
  };
  return {
    ...queues,
    enqueue: (name, job, payload, options) => bounded(() => queues.enqueue(name, job, payload, options)),
    remove: (name, jobId) => bounded(() => queues.remove(name, jobId)),
  };
};

/** The states a queue's depth is counted in: jobs waiting (by priority too), delayed, running, failed for good. */
export const DEPTH_STATES = ["waiting", "prioritized", "delayed", "active", "failed"] as const;
export type TQueueDepth = Record<(typeof DEPTH_STATES)[number], number>;

/**
 * How many jobs each queue holds, by state (for metrics): null while Redis is known to be down or
 * does not answer within `ms`, so a scrape never waits out an outage.
 */
export const queueDepths = async (
  queues: TQueues,
  names: readonly TQueueName[] = QUEUE_NAMES,
  ms = 1_000,
): Promise<Map<TQueueName, TQueueDepth> | null> => {
  if (queues.available?.() === false) return null;
  try {
    const counts = await withinTimeout(
      Promise.all(names.map((name) => queues.queue(name).getJobCounts(...DEPTH_STATES))),
      ms,
    );
    return new Map(
      names.map((name, i) => [
        name,
        Object.fromEntries(DEPTH_STATES.map((state) => [state, counts[i]?.[state] ?? 0])) as TQueueDepth,
      ]),
    );
  } catch {
    return null;
  }
};

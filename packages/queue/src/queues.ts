import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";

import { QUEUE_JOBS, QUEUE_NAMES, type TJobInput, type TJobName, type TQueueName } from "@cto/contracts/queues";

import { DEFAULT_JOB_OPTIONS, QUEUE_JOB_OPTIONS } from "./job-options.ts";

export type TQueues = {
  /** Validates the payload against its contract, then adds the job; throws `QueuePayloadError` on a bad payload. */
  enqueue: <Q extends TQueueName, J extends TJobName<Q>>(queue: Q, job: J, payload: TJobInput<Q, J>, options?: JobsOptions) => Promise<{ id: string }>;
  /** The BullMQ queue itself, for job schedulers, removal and dashboards. */
  queue: (name: TQueueName) => Queue;
  close: () => Promise<void>;
};

export class QueuePayloadError extends Error {
  constructor(queue: string, job: string, issues: string) {
    super(`Payload of ${queue}/${job} does not match its contract: ${issues}`);
    this.name = "QueuePayloadError";
  }
}

/** One `Queue` per name, sharing one fail-fast producer connection; `prefix` isolates tests. */
export const createQueues = ({ connection, prefix = "cto" }: { connection: Redis; prefix?: string }): TQueues => {
  const queues = new Map(
    QUEUE_NAMES.map((name) => [name, new Queue(name, { connection, prefix, defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, ...QUEUE_JOB_OPTIONS[name] } })]),
  );
  const queue = (name: TQueueName) => queues.get(name)!;
  return {
    queue,
    enqueue: async (name, job, payload, options) => {
      const schema = (QUEUE_JOBS[name] as Record<string, { safeParse: (value: unknown) => { success: boolean; error?: { message: string } } }>)[job];
      if (!schema) throw new QueuePayloadError(name, job, "no such job in this queue");
      const parsed = schema.safeParse(payload);
      if (!parsed.success) throw new QueuePayloadError(name, job, parsed.error?.message ?? "invalid");
      const added = await queue(name).add(job, payload, options);
      return { id: added.id! };
    },
    close: async () => {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
};

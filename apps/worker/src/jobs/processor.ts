import { UnrecoverableError, type Job } from "bullmq";

import { QUEUE_JOBS, type TJobData, type TJobName, type TQueueName } from "@cto/contracts/queues";

import type { TWorkerDeps } from "../deps.ts";

/** A processor sees its job with the payload already validated (defaults filled in) by its contract. */
export type TProcessor<Q extends TQueueName, J extends TJobName<Q>> = (
  job: Job<TJobData<Q, J>>,
  deps: TWorkerDeps,
) => Promise<unknown>;

/** A registry entry: which job it handles and the processor, erased to one type the runtime can dispatch. */
export type TRegistration = {
  queue: TQueueName;
  job: string;
  run: (job: Job, deps: TWorkerDeps) => Promise<unknown>;
};

type TSchema = {
  safeParse: (value: unknown) => { success: true; data: unknown } | { success: false; error: { message: string } };
};

/**
 * Binds a processor to its queue and job name. The payload is parsed with the contract first; a
 * payload that does not match fails the job at once as unrecoverable (retrying cannot fix it), so
 * it lands in the failed set, visible in Bull Board, instead of being retried five times.
 */
export const register = <Q extends TQueueName, J extends TJobName<Q>>(
  queue: Q,
  job: J,
  processor: TProcessor<Q, J>,
): TRegistration => {
  const schema = (QUEUE_JOBS[queue] as Record<string, TSchema>)[job];
  if (!schema) throw new Error(`register: queue "${queue}" has no job "${job}" in @cto/contracts/queues`);
  return {
    queue,
    job,
    run: async (bullJob, deps) => {
      const parsed = schema.safeParse(bullJob.data);
      if (!parsed.success)
        throw new UnrecoverableError(`payload of ${queue}/${job} does not match its contract: ${parsed.error.message}`);
      bullJob.data = parsed.data;
      return processor(bullJob as Job<TJobData<Q, J>>, deps);
    },
  };
};

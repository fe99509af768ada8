import type { JobsOptions } from "bullmq";

import type { TQueueName } from "@cto/contracts/queues";

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Every job retries with exponential backoff; completed jobs are kept a day (so a repeated job id
 * within that day is recognised as done), failed ones a week (visible and retryable in Bull Board).
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { age: DAY_SECONDS, count: 10_000 },
  removeOnFail: { age: 7 * DAY_SECONDS },
};

/** Attempts and backoff of an email, also used by the API when it sends one itself (no Redis). */
export const MAIL_RETRY = {
  attempts: 8,
  backoff: { type: "exponential", delay: 5_000 },
} as const satisfies JobsOptions;

/** The wait before attempt `attempt + 1` after `attempt` failed, as BullMQ's exponential backoff computes it. */
export const exponentialDelay = (attempt: number, delay: number) => 2 ** (attempt - 1) * delay;

/** Per-queue differences from the defaults. */
export const QUEUE_JOB_OPTIONS: Partial<Record<TQueueName, JobsOptions>> = {
  // Telegram's Bot API rate-limits; give a failed delivery longer before it is retried.
  telegram: { attempts: 6, backoff: { type: "exponential", delay: 5_000 } },
  // OCR of one screenshot is slow and deterministic: retrying many times only repeats a failure.
  ocr: { attempts: 2, backoff: { type: "fixed", delay: 5_000 } },
  // A mail server that refuses or is down gets about 20 minutes (5 s doubling: 5 s … 10 min) before the
  // message is FAILED; a reset link lives an hour, so it can still arrive in time.
  mail: MAIL_RETRY,
};

/**
 * BullMQ refuses custom job ids that contain ":" (its key separator); ids derived from the
 * domain are joined with "." instead.
 */
export const jobId = (...parts: Array<string | number>) =>
  parts.map((part) => String(part).replaceAll(":", "_")).join(".");

import type { z } from "zod";

import { CALENDAR_JOBS } from "./calendars.ts";
import { DOCUMENT_JOBS } from "./documents.ts";
import { EMBEDDING_JOBS } from "./embeddings.ts";
import { INSIGHT_JOBS } from "./insights.ts";
import { KNOWLEDGE_JOBS } from "./knowledge.ts";
import { MAIL_JOBS } from "./mail.ts";
import { MAINTENANCE_JOBS } from "./maintenance.ts";
import { METRIC_JOBS } from "./metrics.ts";
import { OCR_JOBS } from "./ocr.ts";
import { REMINDER_JOBS } from "./reminders.ts";
import { REPORT_JOBS } from "./reports.ts";
import { ROUTINE_JOBS } from "./routines.ts";
import { SCHEDULE_JOBS } from "./schedules.ts";
import { STORY_JOBS } from "./stories.ts";
import { TELEGRAM_JOBS } from "./telegram.ts";

/**
 * Every queue and the payload schema of each job in it. Producers (API) and processors (worker)
 * both validate against these, so a payload that one side cannot read never enters Redis.
 */
export const QUEUE_JOBS = {
  reminders: REMINDER_JOBS,
  reports: REPORT_JOBS,
  metrics: METRIC_JOBS,
  telegram: TELEGRAM_JOBS,
  embeddings: EMBEDDING_JOBS,
  ocr: OCR_JOBS,
  documents: DOCUMENT_JOBS,
  knowledge: KNOWLEDGE_JOBS,
  stories: STORY_JOBS,
  maintenance: MAINTENANCE_JOBS,
  mail: MAIL_JOBS,
  insights: INSIGHT_JOBS,
  routines: ROUTINE_JOBS,
  calendars: CALENDAR_JOBS,
  schedules: SCHEDULE_JOBS,
} as const;

export type TQueueName = keyof typeof QUEUE_JOBS;
export type TJobName<Q extends TQueueName> = keyof (typeof QUEUE_JOBS)[Q] & string;
/** The payload a producer passes (defaults may be left out). */
export type TJobInput<Q extends TQueueName, J extends TJobName<Q>> = z.input<(typeof QUEUE_JOBS)[Q][J] & z.ZodType>;
/** The payload a processor receives (defaults filled in). */
export type TJobData<Q extends TQueueName, J extends TJobName<Q>> = z.output<(typeof QUEUE_JOBS)[Q][J] & z.ZodType>;

export const QUEUE_NAMES = Object.keys(QUEUE_JOBS) as TQueueName[];

export * from "./documents.ts";
export * from "./embeddings.ts";
export * from "./insights.ts";
export * from "./knowledge.ts";
export * from "./mail.ts";
export * from "./maintenance.ts";
export * from "./metrics.ts";
export * from "./ocr.ts";
export * from "./reminders.ts";
export * from "./reports.ts";
export * from "./routines.ts";
export * from "./calendars.ts";
export * from "./schedules.ts";
export * from "./stories.ts";
export * from "./telegram.ts";

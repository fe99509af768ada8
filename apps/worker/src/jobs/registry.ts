import type { TQueueName } from "@cto/contracts/queues";

import { processCalendarSchedule } from "./calendars.schedule.ts";
import { processCalendarSync } from "./calendars.sync.ts";
import { processDocumentIngest } from "./documents.ingest.ts";
import { processDocumentSweep } from "./documents.sweep.ts";
import { processEmbeddingReindex } from "./embeddings.reindex.ts";
import { processEmbeddingUpsert } from "./embeddings.upsert.ts";
import { processInsightDerive } from "./insights.derive.ts";
import { processInsightSchedule } from "./insights.schedule.ts";
import { processMailSend } from "./mail.send.ts";
import { processMailSweep } from "./mail.sweep.ts";
import { processArchiveHistory } from "./maintenance.archive-history.ts";
import { processCleanupExpired } from "./maintenance.cleanup-expired.ts";
import { processRetention } from "./maintenance.retention.ts";
import { processConsistencySchedule } from "./metrics.consistency-schedule.ts";
import { processConsistency } from "./metrics.consistency.ts";
import { processOcrRecognize } from "./ocr.recognize.ts";
import { processOcrSweep } from "./ocr.sweep.ts";
import { register, type TRegistration } from "./processor.ts";
import { processReportGenerate } from "./reports.generate.ts";
import { processReportSchedule } from "./reports.schedule.ts";
import { processReportSweep } from "./reports.sweep.ts";
import { processStoryGenerate } from "./stories.generate.ts";
import { processStorySchedule } from "./stories.schedule.ts";
import { processTelegramDeliver } from "./telegram.deliver.ts";
import { processTelegramDispatch } from "./telegram.dispatch.ts";
import { processReminderDue } from "./reminders.due.ts";
import { processMissedDeadlines } from "./reminders.missed-deadlines.ts";
import { processCoachNudges } from "./reminders.nudges.ts";
import { processRemindersReconcile } from "./reminders.reconcile.ts";
import { processRoutineRun } from "./routines.run.ts";
import { processScheduleRun } from "./schedules.run.ts";

/**
 * Every processor the worker runs: one line per job, `register(queue, job, processor)`.
 * Adding a job = a file `jobs/<queue>.<job>.ts` exporting a `TProcessor<"queue", "job">`, and a line here.
 */
export const REGISTRY: TRegistration[] = [
  register("reminders", "due", processReminderDue),
  register("reminders", "reconcile", processRemindersReconcile),
  register("reminders", "missed-deadlines", processMissedDeadlines),
  register("reminders", "nudges", processCoachNudges),
  // reports, metrics, telegram, maintenance, stories
  register("reports", "generate", processReportGenerate),
  register("reports", "schedule", processReportSchedule),
  register("reports", "sweep", processReportSweep),
  register("metrics", "consistency", processConsistency),
  register("metrics", "consistency-schedule", processConsistencySchedule),
  register("maintenance", "cleanup-expired", processCleanupExpired),
  register("maintenance", "retention", processRetention),
  register("maintenance", "archive-history", processArchiveHistory),
  register("stories", "generate", processStoryGenerate),
  register("stories", "schedule", processStorySchedule),
  register("telegram", "deliver", processTelegramDeliver),
  register("telegram", "dispatch", processTelegramDispatch),
  // embeddings, ocr, mail
  register("embeddings", "upsert", processEmbeddingUpsert),
  register("embeddings", "reindex", processEmbeddingReindex),
  register("ocr", "recognize", processOcrRecognize),
  register("ocr", "sweep", processOcrSweep),
  register("documents", "ingest", processDocumentIngest),
  register("documents", "sweep", processDocumentSweep),
  register("mail", "send", processMailSend),
  register("mail", "sweep", processMailSweep),
  register("insights", "derive", processInsightDerive),
  register("insights", "schedule", processInsightSchedule),
  register("routines", "run", processRoutineRun),
  register("calendars", "sync", processCalendarSync),
  register("calendars", "schedule", processCalendarSchedule),
  register("schedules", "run", processScheduleRun),
];

/** Per-queue Worker settings; queues not listed use WORKER_CONCURRENCY. */
export const QUEUE_WORKER_OPTIONS: Partial<Record<TQueueName, { concurrency?: number }>> = {
  // OCR is CPU-bound on two cores: one at a time.
  ocr: { concurrency: 1 },
  // Parsing a PDF is CPU-bound too, and a document embeds in many model calls: two at a time.
  documents: { concurrency: 2 },
  // Reminders are short database transactions: many at once keeps a burst at the same minute on time.
  reminders: { concurrency: 16 },
};

export { register };

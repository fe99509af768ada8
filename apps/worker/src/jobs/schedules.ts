import {
  DEFAULT_AI_BODY_RETENTION_DAYS,
  DEFAULT_TRASH_RETENTION_DAYS,
  type TJobInput,
  type TJobName,
  type TQueueName,
} from "@cto/contracts/queues";

/** `every` in ms, or a cron `pattern` (evaluated in `tz`, UTC when unset). */
export type TRepeat = { every: number } | { pattern: string; tz?: string };

export const RECONCILE_SCHEDULE_ID = "reminders-reconcile";
export const RETENTION_SCHEDULE_ID = "maintenance-retention";
export const ARCHIVE_HISTORY_SCHEDULE_ID = "maintenance-archive-history";

export type TSchedule = { id: string; queue: TQueueName; job: string; repeat: TRepeat; data: unknown };

/** A typed schedule entry: the payload is checked against the job's contract at compile time. */
export const schedule = <Q extends TQueueName, J extends TJobName<Q>>(
  id: string,
  queue: Q,
  job: J,
  repeat: TRepeat,
  data: TJobInput<Q, J>,
): TSchedule => ({
  id,
  queue,
  job,
  repeat,
  data,
});

/**
 * The periodic jobs, as BullMQ job schedulers (`upsertJobScheduler`): upserting the same id again
 * only updates it, so every worker start may (re)declare them. Add one line per periodic job.
 */
export const SCHEDULES: TSchedule[] = [
  // Every minute by default (WORKER_RECONCILE_EVERY_MS): a reminder lost with Redis is at most this late.
  schedule(RECONCILE_SCHEDULE_ID, "reminders", "reconcile", { every: 60_000 }, {}),
  // Every 5 minutes: a deadline is marked MISSED, and its owner told, at most this long after it passed.
  schedule("reminders-missed-deadlines", "reminders", "missed-deadlines", { every: 5 * 60_000 }, {}),
  // Every 15 minutes: the coach's nudges, so one inside a user's working hours is at most this late.
  schedule("reminders-nudges", "reminders", "nudges", { every: 15 * 60_000 }, {}),
  // reports, metrics, telegram/dispatch, maintenance/cleanup-expired
  // Every 5 minutes: embeds what was written while Redis was away (and everything after a model change), bounded per run.
  schedule("embeddings-sweep", "embeddings", "reindex", { every: 5 * 60_000 }, { batchSize: 100, maxBatches: 20 }),
  // Hourly, because periods end at each user's local midnight: a report is due within the hour after it.
  // The weekly (7-day) report is each user's own schedule row instead (schedules/run), which they can pause.
  schedule("reports-two-day", "reports", "schedule", { pattern: "5 * * * *" }, { type: "TWO_DAY" }),
  schedule("reports-twenty-one-day", "reports", "schedule", { pattern: "9 * * * *" }, { type: "TWENTY_ONE_DAY" }),
  // On-demand reports (POST /reports) whose generate job a Redis failover lost are queued again within about two minutes.
  schedule("reports-sweep", "reports", "sweep", { every: 60_000 }, {}),
  schedule("maintenance-cleanup", "maintenance", "cleanup-expired", { pattern: "30 * * * *" }, {}),
  // Daily, at a quiet hour (UTC); withRetentionSettings puts the env's settings in their payloads.
  schedule(
    RETENTION_SCHEDULE_ID,
    "maintenance",
    "retention",
    { pattern: "40 3 * * *" },
    { trashDays: DEFAULT_TRASH_RETENTION_DAYS, aiBodyDays: DEFAULT_AI_BODY_RETENTION_DAYS },
  ),
  schedule(
    ARCHIVE_HISTORY_SCHEDULE_ID,
    "maintenance",
    "archive-history",
    { pattern: "50 3 * * *" },
    { hotMonths: null, archiveMonths: null },
  ),
  // 002's stories: last month's (UTC periods, as on demand), due on the 1st. Daily, not only then: a generate
  // job a Redis failover lost is queued again the next day (the story that exists and the job id keep each
  // story once), at the price of a daily pass over active users. Last week's story is each user's own
  // schedule row (schedules/run), as are the weekly report and the daily consistency scores.
  schedule("stories-monthly", "stories", "schedule", { pattern: "20 6 * * *" }, { kind: "month" }),
  // Due Telegram messages (reminders, coach replies) leave within this interval of falling due.
  schedule("telegram-dispatch", "telegram", "dispatch", { every: 15_000 }, {}),
  // Screenshots in analysis whose OCR job a Redis failover lost are queued again within about two minutes.
  schedule("ocr-sweep", "ocr", "sweep", { every: 60_000 }, {}),
  // Uploaded documents whose ingest job a Redis failover lost are queued again within about two minutes.
  schedule("documents-sweep", "documents", "sweep", { every: 60_000 }, {}),
  // Emails the API wrote while Redis was away (or whose job Redis lost) leave within about two minutes.
  schedule("mail-sweep", "mail", "sweep", { every: 60_000 }, {}),
  // Insights from each hour's messages and check-ins, once the hour has ended (job ids name user and hour).
  schedule("insights-derive", "insights", "schedule", { pattern: "25 * * * *" }, {}),
  // Every minute: a routine runs at most this late; a run claims each due routine once, whichever worker runs it.
  schedule("routines-run", "routines", "run", { every: 60_000 }, {}),
  // Every 5 minutes: each connected calendar is synced about every 15 minutes (and at once on demand).
  schedule("calendars-schedule", "calendars", "schedule", { every: 5 * 60_000 }, { everyMs: 15 * 60_000 }),
  // Every minute: each user's schedules (weekly report, daily consistency scores, weekly story) run at most
  // this late, each claimed once whichever worker runs it; users without their rows get them here.
  schedule("schedules-run", "schedules", "run", { every: 60_000 }, {}),
];

type TRetentionEnv = {
  TRASH_RETENTION_DAYS: number;
  AI_BODY_RETENTION_DAYS: number;
  HISTORY_HOT_MONTHS?: number | undefined;
  HISTORY_ARCHIVE_MONTHS?: number | undefined;
};

/** The retention schedules with the worker's settings as their payload (what an upsert at start then stores). */
export const withRetentionSettings =
  (env: TRetentionEnv) =>
  (entry: TSchedule): TSchedule => {
    if (entry.id === RETENTION_SCHEDULE_ID)
      return { ...entry, data: { trashDays: env.TRASH_RETENTION_DAYS, aiBodyDays: env.AI_BODY_RETENTION_DAYS } };
    if (entry.id === ARCHIVE_HISTORY_SCHEDULE_ID)
      return {
        ...entry,
        data: { hotMonths: env.HISTORY_HOT_MONTHS ?? null, archiveMonths: env.HISTORY_ARCHIVE_MONTHS ?? null },
      };
    return entry;
  };

import { REMINDER_QUEUE, reminderJobId } from "@cto/core/reminders";
import { BUSY_HORIZON_MS, reminderDeliveryTime, type TCalendarEvent } from "@cto/core/busy-time";
import { readReminderPreferences } from "@cto/core/working-hours";
import type { TReminderDueJob } from "@cto/contracts/queues";
import { type Db, queryRows, rawTransaction } from "@cto/db/client";

import type { TWorkerDeps } from "../../deps.ts";
import { reminderText, type TReminderSubject } from "./subject.ts";

/** What became of one due reminder; `delay` leaves the moving of the job (it needs the job's lock) to the caller. */
export type TReminderOutcome =
  | { outcome: "delivered"; channels: Array<"IN_APP" | "TELEGRAM"> }
  | { outcome: "skipped"; reason: string }
  | { outcome: "delay"; scheduleId: string; deliverAt: Date };

/**
 * Most reminders one batch takes: the worker's concurrency bounds it in practice, this only keeps a
 * statement's arrays and its transaction's locks small.
 */
const MAX_BATCH = 64;
/** Batches of one client in flight at once: one being read while another commits keeps both round trips busy. */
const MAX_IN_FLIGHT = 2;

const RUNNABLE = new Set(["ACTIVE", "FAILED"]);

type TDeps = Pick<TWorkerDeps, "db" | "now" | "fault">;
type TPending = {
  data: TReminderDueJob;
  deps: TDeps;
  resolve: (outcome: TReminderOutcome) => void;
  reject: (error: unknown) => void;
};

/** One row per reminder of the batch: its schedule, its commitment or deadline (deleted ones too) and its user's settings. */
type TStateRow = {
  position: number;
  scheduleId: string | null;
  scheduleStatus: string | null;
  found: boolean;
  title: string | null;
  dueAt: Date | null;
  remindAt: Date | null;
  open: boolean | null;
  goalId: string | null;
  preferences: unknown;
  telegramActive: boolean | null;
  userActive: boolean | null;
  /** The user's events that may be busy time from now on, as JSON (timestamps as text). */
  events: Array<Omit<TCalendarEvent, "startsAt" | "endsAt"> & { startsAt: string; endsAt: string | null }>;
};

// The state of every reminder in one read: the payload's entity and user, as `loadSubject` reads them,
// the user's preferences with whether a Telegram chat is active, and their events that may make them
// busy between now ($6) and the busy-time horizon ($7) (what `busyEventsWhere` selects in @cto/core).
const STATE_SQL = `
SELECT i.position::int AS "position",
  s.id AS "scheduleId", s.status::text AS "scheduleStatus",
  (c.id IS NOT NULL OR d.id IS NOT NULL) AS "found",
  coalesce(c.title, d.title) AS "title",
  coalesce(c.due_at, d.due_at) AS "dueAt",
  coalesce(c.remind_at, d.reminder_at) AS "remindAt",
  CASE WHEN c.id IS NOT NULL THEN c.status IN ('PENDING', 'SCHEDULED')
       ELSE d.deleted_at IS NULL AND d.status IN ('PENDING', 'EXTENDED') END AS "open",
  c.goal_id AS "goalId",
  u.preferences AS "preferences",
  t.is_active AS "telegramActive",
  u.is_active AS "userActive",
  (SELECT coalesce(json_agg(json_build_object('startsAt', e.starts_at, 'endsAt', e.ends_at, 'allDay', e.all_day,
      'status', e.status, 'type', e.type, 'metadata', e.metadata)), '[]'::json)
    FROM events e
    WHERE e.user_id = i.user_id AND e.deleted_at IS NULL AND NOT e.all_day AND e.status <> 'CANCELLED'
      AND e.ends_at > $6::timestamptz AND e.starts_at < $7::timestamptz) AS "events"
FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[]) WITH ORDINALITY AS i(job_id, kind, entity_id, user_id, position)
LEFT JOIN reminder_schedules s ON s.queue_name = $5 AND s.job_id = i.job_id
LEFT JOIN commitments c ON i.kind = 'commitment' AND c.id = i.entity_id AND c.user_id = i.user_id
LEFT JOIN deadlines d ON i.kind = 'deadline' AND d.id = i.entity_id AND d.user_id = i.user_id
LEFT JOIN users u ON u.id = i.user_id
LEFT JOIN telegram_connections t ON t.user_id = i.user_id`;

// Every write of a batch in one statement. The claim locks the schedules in id order (two workers'
// batches cannot deadlock on them) and takes only those still ACTIVE or FAILED: a schedule another
// transaction completed meanwhile is re-checked after its lock and left out. Messages are written only
// for claimed schedules, with their domain dedupe keys; commitments of claimed reminders go back to
// PENDING; reminders no longer wanted are cancelled. Returns the claimed schedules.
const WRITE_SQL = `
WITH locked AS (
  SELECT id FROM reminder_schedules
  WHERE id = ANY($1::uuid[]) AND status IN ('ACTIVE', 'FAILED')
  ORDER BY id FOR UPDATE
), claimed AS (
  UPDATE reminder_schedules s
  SET status = 'COMPLETED', last_run_at = $2::timestamptz, next_run_at = NULL, last_error = NULL, updated_at = now()
  FROM locked WHERE s.id = locked.id
  RETURNING s.id
), messages AS (
  INSERT INTO proactive_messages
    (user_id, content, context, channel, status, scheduled_for, sent_at, commitment_id, dedupe_key, updated_at)
  SELECT m.user_id, m.content, m.context, m.channel::delivery_channel,
    CASE WHEN m.channel = 'IN_APP' THEN 'SENT' ELSE 'PENDING' END::proactive_message_status,
    $2::timestamptz, CASE WHEN m.channel = 'IN_APP' THEN $2::timestamptz END, m.commitment_id, m.dedupe_key, now()
  FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::jsonb[], $7::text[], $8::uuid[], $9::text[])
    AS m(schedule_id, user_id, content, context, channel, commitment_id, dedupe_key)
  JOIN claimed ON claimed.id = m.schedule_id
  ON CONFLICT (dedupe_key) DO NOTHING
), reopened AS (
  UPDATE commitments SET status = 'PENDING', updated_at = now()
  WHERE id IN (
    SELECT r.commitment_id FROM unnest($1::uuid[], $10::uuid[]) AS r(schedule_id, commitment_id)
    JOIN claimed ON claimed.id = r.schedule_id
  ) AND status = 'SCHEDULED'
), cancelled AS (
  UPDATE reminder_schedules SET status = 'CANCELLED', next_run_at = NULL, updated_at = now()
  WHERE id = ANY($11::uuid[]) AND status IN ('ACTIVE', 'FAILED')
)
SELECT id FROM claimed`;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type TDelivery = {
  scheduleId: string;
  jobId: string;
  data: TReminderDueJob;
  subject: TReminderSubject;
  preferences: ReturnType<typeof readReminderPreferences>;
  channels: Array<"IN_APP" | "TELEGRAM">;
};

/**
 * The reminders of one batch, end to end in two round trips and one transaction: one read of all their
 * state, then one statement that claims, writes and cancels. Outcomes are in the order of `items`.
 */
const runBatch = async (items: TPending[]): Promise<TReminderOutcome[]> => {
  const { db, now, fault } = items[0]!.deps;
  const jobIds = items.map(({ data }) => reminderJobId(data.kind, data.entityId, data.remindAt));
  const at = now();
  const rows = await queryRows<TStateRow>(db, STATE_SQL, [
    jobIds,
    items.map(({ data }) => data.kind),
    items.map(({ data }) => data.entityId),
    items.map(({ data }) => data.userId),
    REMINDER_QUEUE,
    at,
    new Date(at.getTime() + BUSY_HORIZON_MS),
  ]);
  const state = new Map(rows.map((row) => [row.position - 1, row]));
  const outcomes: Array<TReminderOutcome | null> = items.map(() => null);
  const deliveries = new Map<number, TDelivery>();
  const cancels = new Set<string>();
  // Several jobs may carry one reminder: the first in the batch delivers it, the others were "already delivered".
  const deliveredBy = new Map<string, number>();

  items.forEach(({ data }, index) => {
    const row = state.get(index);
    if (!row?.scheduleId || !row.scheduleStatus || !RUNNABLE.has(row.scheduleStatus)) {
      outcomes[index] = {
        outcome: "skipped",
        reason: row?.scheduleStatus ? `schedule is ${row.scheduleStatus}` : "no schedule",
      };
      return;
    }
    // An account an administrator disabled is sent nothing; its reminder is cancelled, not held back.
    if (row.userActive === false) {
      cancels.add(row.scheduleId);
      outcomes[index] = { outcome: "skipped", reason: "account disabled" };
      return;
    }
    if (!row.found || !row.open || row.remindAt?.getTime() !== data.remindAt) {
      cancels.add(row.scheduleId);
      outcomes[index] = {
        outcome: "skipped",
        reason: row.found ? "reminder no longer wanted" : `${data.kind} is gone`,
      };
      return;
    }
    const preferences = readReminderPreferences(row.preferences);
    // The working hours or the calendar may have changed since the job was scheduled: outside the hours, wait
    // for their next start; during a busy event (a meeting synced or typed in since), wait for its end.
    const events = row.events.map((event) => ({
      ...event,
      startsAt: new Date(event.startsAt),
      endsAt: event.endsAt ? new Date(event.endsAt) : null,
    }));
    const deliverAt = reminderDeliveryTime(at, preferences, events);
    if (deliverAt.getTime() > at.getTime()) {
      outcomes[index] = { outcome: "delay", scheduleId: row.scheduleId, deliverAt };
      return;
    }
    if (deliveredBy.has(row.scheduleId)) return;
    deliveredBy.set(row.scheduleId, index);
    const telegram = preferences.telegram && Boolean(row.telegramActive);
    // In-app is the floor: a user who turned it off still gets it when no Telegram chat could carry it.
    const channels: TDelivery["channels"] = [
      ...(preferences.inApp || !telegram ? (["IN_APP"] as const) : []),
      ...(telegram ? (["TELEGRAM"] as const) : []),
    ];
    const subject = {
      title: row.title ?? "",
      dueAt: row.dueAt,
      remindAt: row.remindAt,
      open: true,
      goalId: row.goalId,
    };
    deliveries.set(index, { scheduleId: row.scheduleId, jobId: jobIds[index]!, data, subject, preferences, channels });
  });

  let claimed = new Set<string>();
  if (deliveries.size > 0 || cancels.size > 0) {
    const claims = [...deliveries.values()];
    const messages = claims.flatMap(({ scheduleId, jobId, data, subject, preferences, channels }) => {
      const content = reminderText(data.kind, subject, preferences.timezone);
      const context = JSON.stringify({
        type: "reminder",
        kind: data.kind,
        entityId: data.entityId,
        remindAt: new Date(data.remindAt).toISOString(),
        goalId: subject.goalId,
      });
      const commitmentId = data.kind === "commitment" ? data.entityId : null;
      return channels.map((channel) => ({ scheduleId, data, content, context, channel, commitmentId, jobId }));
    });
    const values = [
      claims.map((claim) => claim.scheduleId),
      at,
      messages.map((message) => message.scheduleId),
      messages.map((message) => message.data.userId),
      messages.map((message) => message.content),
      messages.map((message) => message.context),
      messages.map((message) => message.channel),
      messages.map((message) => message.commitmentId),
      messages.map((message) => `${message.jobId}.${message.channel}`),
      claims.map((claim) => (claim.data.kind === "commitment" ? claim.data.entityId : null)),
      [...cancels],
    ];
    // One statement is one transaction: all of it commits, or (a crash, an error) none of it. Only the
    // fault tests hold it open, to be killed inside it; that costs two more round trips (BEGIN, COMMIT).
    const written =
      fault?.point === "in-transaction"
        ? await rawTransaction(db, async (query) => {
            const ids = await query<{ id: string }>(WRITE_SQL, values);
            await pause(fault.delayMs);
            return ids;
          })
        : await queryRows<{ id: string }>(db, WRITE_SQL, values);
    claimed = new Set(written.map((row) => row.id));
  }

  return items.map((_, index) => {
    const decided = outcomes[index];
    if (decided) return decided;
    const delivery = deliveries.get(index);
    return delivery && claimed.has(delivery.scheduleId)
      ? { outcome: "delivered", channels: delivery.channels }
      : { outcome: "skipped", reason: "already delivered" };
  });
};

type TBatcher = { pending: TPending[]; inFlight: number; scheduled: boolean };
const batchers = new WeakMap<Db, TBatcher>();

const settle = async (batch: TPending[]) => {
  try {
    const outcomes = await runBatch(batch);
    for (const [index, item] of batch.entries()) item.resolve(outcomes[index]!);
  } catch (error) {
    if (batch.length === 1) {
      batch[0]!.reject(error);
      return;
    }
    // One bad reminder must not fail the others with it: each runs again on its own.
    await Promise.all(batch.map((item) => settle([item])));
  }
};

const flush = (batcher: TBatcher) => {
  batcher.scheduled = false;
  while (batcher.pending.length > 0 && batcher.inFlight < MAX_IN_FLIGHT) {
    const batch = batcher.pending.splice(0, MAX_BATCH);
    batcher.inFlight += 1;
    void settle(batch).finally(() => {
      batcher.inFlight -= 1;
      flush(batcher);
    });
  }
};

/**
 * Delivers one due reminder (the job's payload) together with the others due at the same moment in
 * this process: reminders arriving while a batch is in flight wait for the next, so a burst shares
 * round trips and a lone reminder waits for nothing. Resolves once its batch has committed.
 */
export const deliverReminder = (data: TReminderDueJob, deps: TDeps): Promise<TReminderOutcome> =>
  new Promise((resolve, reject) => {
    let batcher = batchers.get(deps.db);
    if (!batcher) {
      batcher = { pending: [], inFlight: 0, scheduled: false };
      batchers.set(deps.db, batcher);
    }
    batcher.pending.push({ data, deps, resolve, reject });
    // Jobs fetched in the same turn of the event loop join one batch.
    if (!batcher.scheduled && batcher.inFlight < MAX_IN_FLIGHT) {
      batcher.scheduled = true;
      setImmediate(flush, batcher);
    }
  });

import { REMINDER_QUEUE, reminderJobId } from "@cto/core/reminders";
import { BUSY_HORIZON_MS, reminderDeliveryTime, type TCalendarEvent } from "@cto/core/busy-time";
import { readReminderPreferences } from "@cto/core/working-hours";
import type { TReminderDueJob } from "@cto/contracts/queues";
import { type Db, queryRows, rawTransaction } from "@cto/db/client";
import { mailLocaleOf, type TMailLocale } from "@cto/mail/templates";
import { withinTimeout } from "@cto/queue/queues";

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
/**
 * `takenAlong`: most other due reminders one batch takes along (see `STATE_SQL`). Reminders due together
 * (on the hour, after an outage) then cost a share of one statement each instead of a batch of their own.
 * `remembered`: most reminders taken along whose jobs could not be dropped (a worker was already running
 * them, or Redis did not answer) and that this process has not run yet, remembered so that those jobs need
 * no read. Batches take along only as many as there is room for, and a sweep of the backlog waits for room
 * for a page: one forgotten before BullMQ hands out its job would cost that job a read of its own. Tests
 * scale both down (`TWorkerDeps.reminderBatches`) to see a backlog past them.
 */
export const REMINDER_BATCHES = { takenAlong: 1_000, remembered: 20_000 } as const;
/** A reminder taken along whose job has not come in this long ran in another worker: it is forgotten. */
export const REMEMBER_MS = 60_000;

const RUNNABLE = new Set(["ACTIVE", "FAILED"]);

type TDeps = Pick<TWorkerDeps, "db" | "queues" | "now" | "fault" | "reminderBatches">;
type TPending = {
  data: TReminderDueJob;
  deps: TDeps;
  resolve: (outcome: TReminderOutcome) => void;
  reject: (error: unknown) => void;
};

/**
 * One row per reminder of the batch, and one per other due reminder taken along: its schedule, its
 * commitment or deadline (deleted ones too) and its user's settings.
 */
type TStateRow = {
  /** 1-based position among the batch's jobs; null for a reminder taken along. */
  position: number | null;
  jobId: string;
  kind: string;
  entityId: string;
  userId: string;
  /** A reminder taken along: its remind time as its schedule's payload holds it (Unix ms as text). */
  remindAtMs: string | null;
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
// Besides the batch's jobs it reads up to $8 other reminders already due (ACTIVE, next run at or before
// now) along the due-time index, the longest due first: the order in which BullMQ hands out their jobs,
// so that the jobs this process fetches next are those it is already writing. It leaves out those that
// other batches of this process are writing ($9, by job id). Those that can go now go with this batch,
// and their jobs are dropped from the queue once it has committed (`dropJobs`).
// A page is at most MAX_BATCH + REMINDER_BATCHES.takenAlong rows whatever the tables hold, so each row's commitment
// or deadline is looked up by key (a lateral subquery the planner keeps as one): a join the planner may
// plan as a hash of the whole table would cost the table, not the page. Reminders taken along bring
// their schedule from the due-time read, and only the batch's jobs look theirs up by job id.
const STATE_SQL = `
WITH due AS (
  SELECT s.id, s.status, s.job_id, s.kind, s.commitment_id, s.deadline_id, s.user_id,
    s.payload->>'remindAt' AS remind_at_ms
  FROM reminder_schedules s
  WHERE s.status = 'ACTIVE' AND s.next_run_at <= $6::timestamptz AND s.queue_name = $5
    AND s.kind IN ('COMMITMENT_REMINDER', 'DEADLINE_REMINDER')
    AND s.job_id <> ALL($1::text[]) AND s.job_id <> ALL($9::text[])
  ORDER BY s.next_run_at
  LIMIT $8
), i AS (
  SELECT i.job_id, i.kind, i.entity_id, i.user_id, i.position::int AS position, NULL::text AS remind_at_ms,
    s.id AS schedule_id, s.status::text AS schedule_status
  FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[]) WITH ORDINALITY AS i(job_id, kind, entity_id, user_id, position)
  LEFT JOIN reminder_schedules s ON s.queue_name = $5 AND s.job_id = i.job_id
  UNION ALL
  SELECT job_id, CASE kind WHEN 'COMMITMENT_REMINDER' THEN 'commitment' ELSE 'deadline' END,
    coalesce(commitment_id, deadline_id), user_id, NULL, remind_at_ms, id, status::text
  FROM due
)
SELECT i.position AS "position", i.job_id AS "jobId", i.kind AS "kind", i.entity_id AS "entityId",
  i.user_id AS "userId", i.remind_at_ms AS "remindAtMs",
  i.schedule_id AS "scheduleId", i.schedule_status AS "scheduleStatus",
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
FROM i
LEFT JOIN LATERAL (
  SELECT c.id, c.title, c.due_at, c.remind_at, c.status, c.goal_id FROM commitments c
  WHERE i.kind = 'commitment' AND c.id = i.entity_id AND c.user_id = i.user_id
  LIMIT 1
) c ON true
LEFT JOIN LATERAL (
  SELECT d.id, d.title, d.due_at, d.reminder_at, d.status, d.deleted_at FROM deadlines d
  WHERE i.kind = 'deadline' AND d.id = i.entity_id AND d.user_id = i.user_id
  LIMIT 1
) d ON true
LEFT JOIN users u ON u.id = i.user_id
LEFT JOIN telegram_connections t ON t.user_id = i.user_id`;

// Every write of a batch in one statement. The claim locks the jobs' schedules in id order (two workers'
// batches cannot deadlock on them) and takes only those still ACTIVE or FAILED: a schedule another
// transaction completed meanwhile is re-checked after its lock and left out. Reminders taken along ($12)
// are claimed only if still ACTIVE and due, and skipped while another transaction holds them: no batch
// waits for another's. Messages are written only for claimed schedules, with their domain dedupe keys;
// commitments of claimed reminders go back to PENDING; reminders no longer wanted are cancelled.
// Returns the claimed schedules.
const WRITE_SQL = `
WITH locked_jobs AS (
  SELECT id FROM reminder_schedules
  WHERE id = ANY($1::uuid[]) AND status IN ('ACTIVE', 'FAILED')
  ORDER BY id FOR UPDATE
), locked_along AS (
  SELECT id FROM reminder_schedules
  WHERE id = ANY($12::uuid[]) AND status = 'ACTIVE' AND next_run_at <= $2::timestamptz
  ORDER BY id FOR UPDATE SKIP LOCKED
), locked AS (
  SELECT id FROM locked_jobs UNION SELECT id FROM locked_along
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
    SELECT r.commitment_id FROM unnest($1::uuid[] || $12::uuid[], $10::uuid[]) AS r(schedule_id, commitment_id)
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
  /** The language of the reminder's text: the user's (`preferences.locale`), English when unset. */
  locale: TMailLocale;
  channels: Array<"IN_APP" | "TELEGRAM">;
};

/** What one reminder's state says should happen now: the same rules for a batch's job and for one taken along. */
type TDecision =
  | { decision: "skip"; reason: string }
  | { decision: "cancel"; scheduleId: string; reason: string }
  | { decision: "delay"; scheduleId: string; deliverAt: Date }
  | { decision: "deliver"; delivery: TDelivery };

const decide = (row: TStateRow | undefined, data: TReminderDueJob, at: Date): TDecision => {
  if (!row?.scheduleId || !row.scheduleStatus || !RUNNABLE.has(row.scheduleStatus))
    return { decision: "skip", reason: row?.scheduleStatus ? `schedule is ${row.scheduleStatus}` : "no schedule" };
  // An account an administrator disabled is sent nothing; its reminder is cancelled, not held back.
  if (row.userActive === false) return { decision: "cancel", scheduleId: row.scheduleId, reason: "account disabled" };
  if (!row.found || !row.open || row.remindAt?.getTime() !== data.remindAt)
    return {
      decision: "cancel",
      scheduleId: row.scheduleId,
      reason: row.found ? "reminder no longer wanted" : `${data.kind} is gone`,
    };
  const preferences = readReminderPreferences(row.preferences);
  // The working hours or the calendar may have changed since the job was scheduled: outside the hours, wait
  // for their next start; during a busy event (a meeting synced or typed in since), wait for its end.
  const events = row.events.map((event) => ({
    ...event,
    startsAt: new Date(event.startsAt),
    endsAt: event.endsAt ? new Date(event.endsAt) : null,
  }));
  const deliverAt = reminderDeliveryTime(at, preferences, events);
  if (deliverAt.getTime() > at.getTime()) return { decision: "delay", scheduleId: row.scheduleId, deliverAt };
  const telegram = preferences.telegram && Boolean(row.telegramActive);
  // In-app is the floor: a user who turned it off still gets it when no Telegram chat could carry it.
  const channels: TDelivery["channels"] = [
    ...(preferences.inApp || !telegram ? (["IN_APP"] as const) : []),
    ...(telegram ? (["TELEGRAM"] as const) : []),
  ];
  const subject = { title: row.title ?? "", dueAt: row.dueAt, remindAt: row.remindAt, open: true, goalId: row.goalId };
  return {
    decision: "deliver",
    delivery: {
      scheduleId: row.scheduleId,
      jobId: row.jobId,
      data,
      subject,
      preferences,
      locale: mailLocaleOf(row.preferences),
      channels,
    },
  };
};

/**
 * The payload of a reminder taken along, from its schedule row; null unless it names exactly the job
 * the schedule is for (a payload written by hand or by an older version is left to its own job).
 */
const takenAlongPayload = (row: TStateRow): TReminderDueJob | null => {
  const remindAt = Number(row.remindAtMs);
  if (!row.remindAtMs || !Number.isSafeInteger(remindAt) || remindAt < 0) return null;
  if (row.kind !== "commitment" && row.kind !== "deadline") return null;
  const data: TReminderDueJob = { kind: row.kind, entityId: row.entityId, userId: row.userId, remindAt };
  return reminderJobId(data.kind, data.entityId, data.remindAt) === row.jobId ? data : null;
};

type TBatchResult = { outcomes: TReminderOutcome[]; takenAlong: TDelivery[] };

/** How a batch takes other due reminders along: at most `limit`, none of `exclude` (job ids). */
type TAlong = {
  limit: number;
  exclude: string[];
  /**
   * Called once the batch knows which it will write, before it writes them, with their job ids and
   * whether more are probably due: the read filled its limit and most of the page can go now.
   */
  onRead: (jobIds: string[], moreDue: boolean) => void;
};

/**
 * The reminders of one batch, end to end in two round trips and one transaction: one read of all their
 * state (and of other due reminders, taken along when they can go now), then one statement that claims,
 * writes and cancels. Outcomes are in the order of `items` (which may be empty: a sweep of due reminders
 * only); `takenAlong` lists the others delivered.
 */
const runBatch = async (items: TPending[], along: TAlong | null, deps: TDeps): Promise<TBatchResult> => {
  const { db, now, fault } = deps;
  const alongLimit = along?.limit ?? 0;
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
    alongLimit,
    along?.exclude ?? [],
  ]);
  const state = new Map<number, TStateRow>();
  const alongRows: TStateRow[] = [];
  for (const row of rows) {
    if (row.position === null) alongRows.push(row);
    else state.set(row.position - 1, row);
  }
  const outcomes: Array<TReminderOutcome | null> = items.map(() => null);
  const deliveries = new Map<number, TDelivery>();
  const cancels = new Set<string>();
  // Several jobs may carry one reminder: the first in the batch delivers it, the others were "already delivered".
  const deliveredBy = new Set<string>();

  items.forEach(({ data }, index) => {
    const decision = decide(state.get(index), data, at);
    switch (decision.decision) {
      case "skip":
        outcomes[index] = { outcome: "skipped", reason: decision.reason };
        return;
      case "cancel":
        cancels.add(decision.scheduleId);
        outcomes[index] = { outcome: "skipped", reason: decision.reason };
        return;
      case "delay":
        outcomes[index] = { outcome: "delay", scheduleId: decision.scheduleId, deliverAt: decision.deliverAt };
        return;
      case "deliver":
        if (deliveredBy.has(decision.delivery.scheduleId)) return;
        deliveredBy.add(decision.delivery.scheduleId);
        deliveries.set(index, decision.delivery);
    }
  });
  // Only what can go now is taken along; anything else (held back, no longer wanted) is its own job's to decide.
  const taken: TDelivery[] = [];
  for (const row of alongRows) {
    const data = takenAlongPayload(row);
    const decision = data ? decide(row, data, at) : null;
    if (decision?.decision === "deliver" && !deliveredBy.has(decision.delivery.scheduleId)) {
      deliveredBy.add(decision.delivery.scheduleId);
      taken.push(decision.delivery);
    }
  }
  // Half is the bar so that a page of reminders that must wait (held back, in a meeting) is not read
  // again and again for the few that can go; their own jobs decide about those.
  along?.onRead(
    [...jobIds, ...taken.map((delivery) => delivery.jobId)],
    alongLimit > 0 && alongRows.length >= alongLimit && taken.length * 2 >= alongLimit,
  );

  let claimed = new Set<string>();
  const claims = [...deliveries.values(), ...taken];
  if (claims.length > 0 || cancels.size > 0) {
    const messages = claims.flatMap(({ scheduleId, jobId, data, subject, preferences, locale, channels }) => {
      const content = reminderText(data.kind, subject, { timezone: preferences.timezone, locale });
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
      [...deliveries.values()].map((claim) => claim.scheduleId),
      at,
      messages.map((message) => message.scheduleId),
      messages.map((message) => message.data.userId),
      messages.map((message) => message.content),
      messages.map((message) => message.context),
      messages.map((message) => message.channel),
      messages.map((message) => message.commitmentId),
      messages.map((message) => `${message.jobId}.${message.channel}`),
      // In the order of $1 then $12: the jobs' claims, then those taken along.
      claims.map((claim) => (claim.data.kind === "commitment" ? claim.data.entityId : null)),
      [...cancels],
      taken.map((claim) => claim.scheduleId),
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

  return {
    outcomes: items.map((_, index) => {
      const decided = outcomes[index];
      if (decided) return decided;
      const delivery = deliveries.get(index);
      return delivery && claimed.has(delivery.scheduleId)
        ? { outcome: "delivered", channels: delivery.channels }
        : { outcome: "skipped", reason: "already delivered" };
    }),
    takenAlong: taken.filter((delivery) => claimed.has(delivery.scheduleId)),
  };
};

type TBatcher = {
  /** The dependencies of the latest job, for a sweep that runs with no job of its own. */
  deps: TDeps;
  pending: TPending[];
  inFlight: number;
  scheduled: boolean;
  /** A batch is reading reminders to take along: until it knows which, no other reads any. */
  reading: boolean;
  /**
   * The reminders that batches in flight are writing (their jobs' and those taken along), by job id,
   * with the batch's end: a job for one taken along waits for it instead of reading it again.
   */
  writing: Map<string, Promise<void>>;
  /**
   * The last read of reminders to take along found a full page that can go: the next batch starts at
   * once, with or without jobs, and reads the next page while this one is written. A backlog is thus
   * swept page by page, its writes overlapping BullMQ handing out the jobs of the pages before.
   */
  sweeping: boolean;
  /**
   * A page was written with under half of what it meant to take: another process holds the rest (an
   * open transaction), and reading the same page again would only spin. No sweep until the next job.
   */
  stalled: boolean;
  /**
   * Reminders this process took along whose jobs could not be dropped and have not run here yet, by job
   * id, oldest first, with when they were written: those jobs resolve without a read.
   */
  takenAlong: Map<string, { channels: TDelivery["channels"]; at: number }>;
};
const batchers = new WeakMap<Db, TBatcher>();

const limitsOf = (batcher: TBatcher) => batcher.deps.reminderBatches ?? REMINDER_BATCHES;

const remember = (batcher: TBatcher, delivered: TDelivery[]) => {
  const at = batcher.deps.now().getTime();
  for (const { jobId, channels } of delivered) batcher.takenAlong.set(jobId, { channels, at });
};

/**
 * Drops the jobs of reminders a batch delivered along with its own: each would otherwise take a turn
 * through BullMQ and the runtime only to find its reminder delivered, and with a burst those turns, not
 * the database's work, were most of a reminder's cost. A waiting reminder job is in BullMQ's prioritized
 * set (`REMINDER_JOB_PRIORITY`), so dropping it is a lookup. A job some worker already runs is locked and
 * stays, as does one whose drop failed (Redis away): those are remembered, so that such a job resolves
 * here without a read (elsewhere it finds its schedule COMPLETED).
 */
const dropJobs = async (batcher: TBatcher, deps: TDeps, delivered: TDelivery[]) => {
  if (delivered.length === 0) return;
  const queue = deps.queues.queue(REMINDER_QUEUE);
  // Bounded: while Redis is unreachable BullMQ holds a command until it reconnects, and these reminders
  // count as being written until their drops end.
  const dropped = await withinTimeout(
    Promise.all(
      delivered.map(({ jobId }) =>
        queue.remove(jobId).then(
          (removed) => removed === 1,
          () => false,
        ),
      ),
    ),
  ).catch(() => delivered.map(() => false));
  remember(
    batcher,
    delivered.filter((_, index) => !dropped[index]),
  );
};

/** How many more reminders may be taken along, once those whose jobs ran elsewhere are forgotten. */
const room = (batcher: TBatcher) => {
  const expired = batcher.deps.now().getTime() - REMEMBER_MS;
  for (const [jobId, { at }] of batcher.takenAlong) {
    if (at > expired) break;
    batcher.takenAlong.delete(jobId);
  }
  // Those being written are remembered once committed.
  return limitsOf(batcher).remembered - batcher.takenAlong.size - batcher.writing.size;
};

const depsOf = (batcher: TBatcher, batch: TPending[]) => batch[0]?.deps ?? batcher.deps;

/** Runs one batch and settles its jobs; never rejects. Resolves with the reminders it delivered along. */
const settle = async (batcher: TBatcher, batch: TPending[], along: TAlong | null): Promise<TDelivery[]> => {
  try {
    const { outcomes, takenAlong } = await runBatch(batch, along, depsOf(batcher, batch));
    for (const [index, item] of batch.entries()) item.resolve(outcomes[index]!);
    return takenAlong;
  } catch (error) {
    if (batch.length === 1 && !along) {
      batch[0]!.reject(error);
      return [];
    }
    // One bad reminder (a job's or one taken along) must not fail the others with it: each job runs
    // again on its own, taking nothing along. A sweep without jobs just ends; the next job starts another.
    await Promise.all(batch.map((item) => settle(batcher, [item], null)));
    return [];
  }
};

/** A batch that also takes due reminders along; the next may read once this one knows what it writes. */
const takeAlong = async (batcher: TBatcher, batch: TPending[]): Promise<void> => {
  batcher.reading = true;
  batcher.sweeping = false;
  // A job's batch may sweep again; see `stalled`.
  if (batch.length > 0) batcher.stalled = false;
  let read = false;
  let writing: string[] = [];
  const release = () => {
    read = true;
    batcher.reading = false;
  };
  let ended!: () => void;
  const end = new Promise<void>((resolve) => {
    ended = resolve;
  });
  const delivered = await settle(batcher, batch, {
    limit: Math.max(0, Math.min(limitsOf(batcher).takenAlong, room(batcher))),
    exclude: [...batcher.writing.keys()],
    onRead: (jobIds, moreDue) => {
      writing = jobIds;
      for (const jobId of jobIds) batcher.writing.set(jobId, end);
      release();
      batcher.sweeping = moreDue && !batcher.stalled;
      flush(batcher);
    },
  });
  if (!read) release();
  // `writing` is the batch's own jobs, then the reminders it meant to take along.
  if (delivered.length * 2 < writing.length - batch.length) {
    batcher.stalled = true;
    batcher.sweeping = false;
  }
  // Committed (or rolled back). The next page need not wait while this one's jobs are dropped, but until
  // then they count as being written: a job that arrives for one of them waits, and then finds it
  // remembered (its drop failed, as it was running) instead of reading it again.
  void dropJobs(batcher, depsOf(batcher, batch), delivered).then(() => {
    for (const jobId of writing) batcher.writing.delete(jobId);
    ended();
  });
};

const flush = (batcher: TBatcher) => {
  batcher.scheduled = false;
  while (batcher.inFlight < MAX_IN_FLIGHT) {
    const takesAlong = !batcher.reading;
    // Without jobs waiting, only a sweep (which takes reminders along) has anything to do, and only once
    // a page can be remembered until BullMQ hands out its jobs; the jobs that come make the room.
    const sweeps = takesAlong && batcher.sweeping && room(batcher) >= limitsOf(batcher).takenAlong;
    if (batcher.pending.length === 0 && !sweeps) return;
    const batch = batcher.pending.splice(0, MAX_BATCH);
    batcher.inFlight += 1;
    void (takesAlong ? takeAlong(batcher, batch) : settle(batcher, batch, null)).then(() => {
      batcher.inFlight -= 1;
      flush(batcher);
    });
  }
};

/** A flush at the end of this turn of the event loop: jobs fetched in the same turn join one batch. */
const schedule = (batcher: TBatcher) => {
  if (batcher.scheduled || batcher.inFlight >= MAX_IN_FLIGHT) return;
  batcher.scheduled = true;
  setImmediate(flush, batcher);
};

/**
 * Delivers one due reminder (the job's payload) together with the others due at the same moment in
 * this process: reminders arriving while a batch is in flight wait for the next, so a burst shares
 * round trips and a lone reminder waits for nothing. Each batch also takes along other reminders already
 * due whose jobs no worker has reached yet; while those fill a page, the next page is taken at once,
 * with or without a job (a sweep of the backlog), so the database writes one page while BullMQ hands
 * out the jobs of the last. Resolves once its batch has committed.
 */
export const deliverReminder = (data: TReminderDueJob, deps: TDeps): Promise<TReminderOutcome> =>
  new Promise((resolve, reject) => {
    let batcher = batchers.get(deps.db);
    if (!batcher) {
      batcher = {
        deps,
        pending: [],
        inFlight: 0,
        scheduled: false,
        reading: false,
        writing: new Map(),
        sweeping: false,
        stalled: false,
        takenAlong: new Map(),
      };
      batchers.set(deps.db, batcher);
    }
    batcher.deps = deps;
    const own = batcher;
    const jobId = reminderJobId(data.kind, data.entityId, data.remindAt);
    const join = () => {
      const delivered = own.takenAlong.get(jobId);
      if (delivered) {
        // A job id is one job in BullMQ: a second run of it (a retry after a stall) reads the schedule, COMPLETED.
        own.takenAlong.delete(jobId);
        resolve({ outcome: "delivered", channels: delivered.channels });
        // A sweep waiting for room goes on once there is room for a page.
        if (own.sweeping) schedule(own);
        return;
      }
      // A batch is writing this reminder: its end says whether it went.
      const writing = own.writing.get(jobId);
      if (writing) {
        void writing.then(join);
        return;
      }
      own.pending.push({ data, deps, resolve, reject });
      schedule(own);
    };
    join();
  });

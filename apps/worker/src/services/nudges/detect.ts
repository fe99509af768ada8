import { localDay } from "@cto/core/local-days";
import { type Db, queryRows } from "@cto/db/client";

import type { TAudience } from "../local-time.ts";
import { checkInText, commitmentText, deadlineText, reportText, streakText } from "./text.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Due within this long and open: a commitment at risk, a deadline to finish. */
export const DUE_SOON_MS = 48 * HOUR;
/** A commitment untouched for this long counts as making no progress. */
export const STALE_MS = DAY;
/** No check-in for this long, after having checked in, is a missed check-in. */
export const MISSED_CHECK_IN_MS = 3 * DAY;
/** Older gaps than this are not nudged about (someone who stopped long ago is not nagged at every deploy). */
const CHECK_IN_LOOKBACK_DAYS = 120;
/** A report newer than this is announced. */
export const NEW_REPORT_MS = 3 * DAY;
export const STREAK_MILESTONES = [100, 60, 30, 14, 7] as const;

export type TNudgeKind = "commitment-at-risk" | "deadline-due" | "check-in-missed" | "report-ready" | "streak";
/** One thing worth nudging about: `cause` names it for good (its dedupe key's stem). */
export type TNudge = {
  userId: string;
  kind: TNudgeKind;
  cause: string;
  content: string;
  context: Record<string, unknown>;
  commitmentId: string | null;
};
export type TNudgeUser = TAudience & { id: string };

type TDueRow = { id: string; userId: string; title: string; dueAt: Date; updatedAt: Date; status: string };

const commitmentsAtRisk = async (db: Db, users: TNudgeUser[], now: Date, audiences: Map<string, TNudgeUser>) => {
  const rows = await queryRows<TDueRow>(
    db,
    `SELECT id, user_id AS "userId", title, due_at AS "dueAt", updated_at AS "updatedAt", status::text AS status
     FROM commitments
     WHERE user_id = ANY($1::uuid[]) AND status IN ('PENDING', 'SCHEDULED')
       AND due_at > $2 AND due_at <= $3 AND updated_at < $4
     ORDER BY due_at, id`,
    [users.map((user) => user.id), now, new Date(now.getTime() + DUE_SOON_MS), new Date(now.getTime() - STALE_MS)],
  );
  return rows.map(
    (row): TNudge => ({
      userId: row.userId,
      kind: "commitment-at-risk",
      cause: `nudge:commitment-at-risk:${row.id}:${row.dueAt.getTime()}`,
      content: commitmentText(row, audiences.get(row.userId)!),
      context: { commitmentId: row.id, dueAt: row.dueAt.toISOString(), lastChangedAt: row.updatedAt.toISOString() },
      commitmentId: row.id,
    }),
  );
};

const deadlinesDue = async (db: Db, users: TNudgeUser[], now: Date, audiences: Map<string, TNudgeUser>) => {
  const rows = await queryRows<TDueRow>(
    db,
    `SELECT id, user_id AS "userId", title, due_at AS "dueAt", updated_at AS "updatedAt", status::text AS status
     FROM deadlines
     WHERE user_id = ANY($1::uuid[]) AND status IN ('PENDING', 'EXTENDED') AND deleted_at IS NULL
       AND due_at > $2 AND due_at <= $3
     ORDER BY due_at, id`,
    [users.map((user) => user.id), now, new Date(now.getTime() + DUE_SOON_MS)],
  );
  return rows.map(
    (row): TNudge => ({
      userId: row.userId,
      kind: "deadline-due",
      cause: `nudge:deadline-due:${row.id}:${row.dueAt.getTime()}`,
      content: deadlineText(row, audiences.get(row.userId)!),
      context: { deadlineId: row.id, dueAt: row.dueAt.toISOString(), extended: row.status === "EXTENDED" },
      commitmentId: null,
    }),
  );
};

const reportsReady = async (db: Db, users: TNudgeUser[], now: Date, audiences: Map<string, TNudgeUser>) => {
  const rows = await queryRows<{ id: string; userId: string; title: string | null; type: string }>(
    db,
    `SELECT id, user_id AS "userId", title, type::text AS type FROM reports
     WHERE user_id = ANY($1::uuid[]) AND created_at > $2 ORDER BY created_at, id`,
    [users.map((user) => user.id), new Date(now.getTime() - NEW_REPORT_MS)],
  );
  return rows.map(
    (row): TNudge => ({
      userId: row.userId,
      kind: "report-ready",
      cause: `nudge:report-ready:${row.id}`,
      content: reportText(row, audiences.get(row.userId)!.locale),
      context: { reportId: row.id, reportType: row.type },
      commitmentId: null,
    }),
  );
};

/** Whole days between two local dates (YYYY-MM-DD). */
const daysBetween = (later: string, earlier: string) => (Date.parse(later) - Date.parse(earlier)) / DAY;

/** Missed check-ins and streak milestones, from the local days each user checked in (emotions and energy). */
const checkIns = async (db: Db, users: TNudgeUser[], now: Date, audiences: Map<string, TNudgeUser>) => {
  const rows = await queryRows<{ userId: string; days: string[]; last: Date }>(
    db,
    `WITH u AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS u(id, tz)),
     c AS (
       SELECT user_id, recorded_at FROM emotions WHERE user_id = ANY($1::uuid[]) AND recorded_at > $3 AND recorded_at <= $4
       UNION ALL
       SELECT user_id, recorded_at FROM energy_metrics WHERE user_id = ANY($1::uuid[]) AND recorded_at > $3 AND recorded_at <= $4
     )
     SELECT c.user_id AS "userId", max(c.recorded_at) AS "last",
       array_agg(DISTINCT to_char(c.recorded_at AT TIME ZONE u.tz, 'YYYY-MM-DD')) AS "days"
     FROM c JOIN u ON u.id = c.user_id GROUP BY c.user_id`,
    [
      users.map((user) => user.id),
      users.map((user) => user.timezone),
      new Date(now.getTime() - CHECK_IN_LOOKBACK_DAYS * DAY),
      now,
    ],
  );
  return rows.flatMap((row): TNudge[] => {
    const audience = audiences.get(row.userId)!;
    if (now.getTime() - row.last.getTime() >= MISSED_CHECK_IN_MS) {
      const days = Math.floor((now.getTime() - row.last.getTime()) / DAY);
      return [
        {
          userId: row.userId,
          kind: "check-in-missed",
          // One nudge per gap: checking in again and lapsing again is a new cause.
          cause: `nudge:check-in-missed:${row.last.getTime()}`,
          content: checkInText(row.last, days, audience),
          context: { lastCheckInAt: row.last.toISOString(), days },
          commitmentId: null,
        },
      ];
    }
    // The streak: consecutive local days ending today, or yesterday (today's check-in may still come).
    const days = [...row.days].sort().reverse();
    const today = localDay(now, audience.timezone);
    if (daysBetween(today, days[0]!) > 1) return [];
    let length = 1;
    while (length < days.length && daysBetween(days[length - 1]!, days[length]!) === 1) length += 1;
    const milestone = STREAK_MILESTONES.find((step) => length >= step);
    if (!milestone) return [];
    const start = days[length - 1]!;
    return [
      {
        userId: row.userId,
        kind: "streak",
        // Each milestone once per streak: the streak is named by its first day.
        cause: `nudge:streak:${milestone}:${start}`,
        content: streakText(length, milestone, audience.locale),
        context: { streakDays: length, milestone, since: start },
        commitmentId: null,
      },
    ];
  });
};

/** Most urgent first: what can still be saved, then what keeps the habit, then news. */
const PRIORITY: TNudgeKind[] = ["commitment-at-risk", "deadline-due", "check-in-missed", "streak", "report-ready"];

/** Everything worth a nudge for these users now, per user, most urgent first (already-sent causes included). */
export const detectNudges = async (db: Db, users: TNudgeUser[], now: Date) => {
  const audiences = new Map(users.map((user) => [user.id, user]));
  const found = (
    await Promise.all([
      commitmentsAtRisk(db, users, now, audiences),
      deadlinesDue(db, users, now, audiences),
      checkIns(db, users, now, audiences),
      reportsReady(db, users, now, audiences),
    ])
  ).flat();
  const byUser = new Map<string, TNudge[]>();
  for (const nudge of found) byUser.set(nudge.userId, [...(byUser.get(nudge.userId) ?? []), nudge]);
  for (const list of byUser.values()) list.sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind));
  return byUser;
};

import { type Db, queryRows, rawTransaction } from "@cto/db/client";

import { activeUsers } from "../consistency/active-users.ts";
import { detectNudges, type TNudge } from "./detect.ts";
import { emailRecipients, queueNudgeEmails, type TNudgeEmail, writeNudgeEmails } from "./email.ts";
import { isNudgeTime, readNudgePreferences, type TNudgePreferences } from "./preferences.ts";

const DAY = 86_400_000;
/** Users whose nudges are detected together (one statement per detector). */
const BATCH = 200;
/** Most nudges one run writes; the next run takes the rest (their causes are read afresh). */
export const MAX_NUDGES_PER_RUN = 1_000;

export type TNudgeChannel = "IN_APP" | "TELEGRAM" | "EMAIL";
export type TNudgeRunResult = { users: number; eligible: number; nudges: number; messages: number; emails: number };

type TSent = { userId: string; cause: string; createdAt: Date };

/** The causes already nudged about (for good) and how many were sent in the last 24 hours, per user. */
const sentBefore = async (db: Db, userIds: string[], now: Date) => {
  const rows = await queryRows<TSent>(
    db,
    `SELECT user_id AS "userId", context->>'cause' AS cause, min(created_at) AS "createdAt"
     FROM proactive_messages
     WHERE user_id = ANY($1::uuid[]) AND context->>'type' = 'nudge'
     GROUP BY user_id, context->>'cause'`,
    [userIds],
  );
  const causes = new Set(rows.map((row) => `${row.userId} ${row.cause}`));
  const today = new Map<string, number>();
  for (const row of rows)
    if (now.getTime() - row.createdAt.getTime() < DAY) today.set(row.userId, (today.get(row.userId) ?? 0) + 1);
  return { causes, today };
};

/**
 * In-app is the floor, as for reminders: a user who turned it off still gets it when no other channel
 * carries it (Telegram not linked, email off or its address not verified).
 */
export const nudgeChannels = (
  preferences: TNudgePreferences,
  telegramActive: boolean,
  emailReachable = false,
): TNudgeChannel[] => {
  const telegram = preferences.telegram && telegramActive;
  const email = preferences.email && emailReachable;
  return [
    ...(preferences.inApp || !(telegram || email) ? (["IN_APP"] as const) : []),
    ...(telegram ? (["TELEGRAM"] as const) : []),
    ...(email ? (["EMAIL"] as const) : []),
  ];
};

// One row per channel, keyed `<cause>.<channel>` (unique): a second worker, or a rerun, writes nothing twice.
// In-app rows are delivered by being written (SENT); Telegram rows wait for telegram/dispatch (PENDING);
// email rows wait for their mail_messages row to be sent (PENDING), written in the same transaction.
const WRITE_SQL = `
INSERT INTO proactive_messages
  (user_id, content, context, channel, status, scheduled_for, sent_at, commitment_id, dedupe_key, created_at, updated_at)
SELECT m.user_id, m.content, m.context, m.channel::delivery_channel,
  CASE WHEN m.channel = 'IN_APP' THEN 'SENT' ELSE 'PENDING' END::proactive_message_status,
  $1::timestamptz, CASE WHEN m.channel = 'IN_APP' THEN $1::timestamptz END, m.commitment_id, m.dedupe_key, $1::timestamptz, now()
FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::text[], $6::uuid[], $7::text[])
  AS m(user_id, content, context, channel, commitment_id, dedupe_key)
ON CONFLICT (dedupe_key) DO NOTHING
RETURNING id, channel::text AS channel, user_id AS "userId", content`;

type TUserRow = { id: string; preferences: unknown };

const runBatch = async (db: Db, users: TUserRow[], now: Date, budget: number, email?: TNudgeEmail) => {
  const eligible = users
    .map((user) => ({ id: user.id, preferences: readNudgePreferences(user.preferences) }))
    .filter(({ preferences }) => preferences.enabled && isNudgeTime(now, preferences));
  if (eligible.length === 0) return { eligible: 0, nudges: 0, messages: 0, emails: 0 };
  const ids = eligible.map((user) => user.id);
  // Email needs the web origin for its links; without one (a worker not told it) the channel is off.
  const wantEmail = email ? eligible.filter((user) => user.preferences.email).map((user) => user.id) : [];
  const [found, sent, telegram, recipients] = await Promise.all([
    detectNudges(
      db,
      eligible.map(({ id, preferences }) => ({ id, timezone: preferences.timezone, locale: preferences.locale })),
      now,
    ),
    sentBefore(db, ids, now),
    queryRows<{ userId: string }>(
      db,
      `SELECT user_id AS "userId" FROM telegram_connections
       WHERE user_id = ANY($1::uuid[]) AND is_active AND telegram_chat_id IS NOT NULL`,
      [ids],
    ),
    emailRecipients(db, wantEmail),
  ]);
  const telegramUsers = new Set(telegram.map((row) => row.userId));
  const chosen: Array<{ nudge: TNudge; channels: TNudgeChannel[] }> = [];
  for (const { id, preferences } of eligible) {
    const room = preferences.maxPerDay - (sent.today.get(id) ?? 0);
    const fresh = (found.get(id) ?? []).filter((nudge) => !sent.causes.has(`${id} ${nudge.cause}`));
    const channels = nudgeChannels(preferences, telegramUsers.has(id), recipients.has(id));
    for (const nudge of fresh.slice(0, Math.max(0, Math.min(room, budget - chosen.length))))
      chosen.push({ nudge, channels });
  }
  if (chosen.length === 0) return { eligible: eligible.length, nudges: 0, messages: 0, emails: 0 };
  const rows = chosen.flatMap(({ nudge, channels }) =>
    channels.map((channel) => ({
      ...nudge,
      channel,
      context: JSON.stringify({ type: "nudge", kind: nudge.kind, cause: nudge.cause, ...nudge.context }),
    })),
  );
  // A nudge already written (its dedupe key taken) returns nothing here, so it never gets a second email.
  const { written, mailIds } = await rawTransaction(db, async (query) => {
    const inserted = await query<{ id: string; channel: string; userId: string; content: string }>(WRITE_SQL, [
      now,
      rows.map((row) => row.userId),
      rows.map((row) => row.content),
      rows.map((row) => row.context),
      rows.map((row) => row.channel),
      rows.map((row) => row.commitmentId),
      rows.map((row) => `${row.cause}.${row.channel}`),
    ]);
    const emails = inserted.filter((row) => row.channel === "EMAIL");
    return {
      written: inserted,
      mailIds: email ? await writeNudgeEmails(query, emails, recipients, email.webOrigin) : [],
    };
  });
  await queueNudgeEmails(email?.queues, mailIds);
  return { eligible: eligible.length, nudges: chosen.length, messages: written.length, emails: mailIds.length };
};

/**
 * One pass of the coach's nudges over active users (at most `maxUsers`, in id order): for each user whose
 * nudges are on and whose working hours are open (quiet hours not), whatever is worth a nudge now and was
 * never nudged about, most urgent first, up to what the user's daily limit leaves, on each channel the user
 * has on (one nudge on three channels counts once against the limit: the limit counts causes).
 */
export const runNudges = async ({
  db,
  now,
  maxUsers,
  email,
}: {
  db: Db;
  now: Date;
  maxUsers: number;
  /** The email channel; unset: nudges go in-app and by Telegram only. */
  email?: TNudgeEmail;
}) => {
  const result: TNudgeRunResult = { users: 0, eligible: 0, nudges: 0, messages: 0, emails: 0 };
  let batch: TUserRow[] = [];
  const flush = async () => {
    const outcome = await runBatch(db, batch, now, MAX_NUDGES_PER_RUN - result.nudges, email);
    result.eligible += outcome.eligible;
    result.nudges += outcome.nudges;
    result.messages += outcome.messages;
    result.emails += outcome.emails;
    batch = [];
  };
  for await (const user of activeUsers(db, now)) {
    if (result.users >= maxUsers || result.nudges >= MAX_NUDGES_PER_RUN) break;
    result.users += 1;
    batch.push(user);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0 && result.nudges < MAX_NUDGES_PER_RUN) await flush();
  return result;
};

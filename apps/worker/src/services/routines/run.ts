import { AiProviderError } from "@cto/ai/errors";
import type { TAiProvider } from "@cto/ai/provider";
import { nextRoutineRun, routineTimezone } from "@cto/core/routines";
import { type Db, queryRows, rawTransaction } from "@cto/db/client";

import type { TLogger } from "../../log.ts";
import { nudgeChannels } from "../nudges/run.ts";
import { readNudgePreferences } from "../nudges/preferences.ts";
import { routineFacts } from "./facts.ts";

/** A routine claimed for one occurrence: `dueAt` is the occurrence it runs for. */
type TClaimed = {
  id: string;
  userId: string;
  title: string;
  prompt: string;
  dueAt: Date;
  preferences: unknown;
  active: boolean;
  timezone: string;
};

type TDueRow = Omit<TClaimed, "timezone"> & { days: number[]; time: string; timezone: string | null };

/**
 * Claims the routines due at `now`, each exactly once: the rows are locked (SKIP LOCKED, so a second
 * claimer takes other rows or none) and moved to their next occurrence after `now` in the same
 * transaction. The next occurrence is counted from now, not from the one missed, so a worker that
 * was down for days runs a routine once, not once per missed occurrence. A disabled account's
 * routines are moved on without running (and do not all fire when the account is enabled again).
 */
export const claimDueRoutines = (db: Db, now: Date, limit: number): Promise<TClaimed[]> =>
  rawTransaction(db, async (query) => {
    const rows = await query<TDueRow>(
      `SELECT r.id, r.user_id AS "userId", r.title, r.prompt, r.days, r.time, r.timezone,
         r.next_run_at AS "dueAt", u.preferences, u.is_active AS active
       FROM routines r JOIN users u ON u.id = r.user_id
       WHERE r.enabled AND r.next_run_at <= $1
       ORDER BY r.next_run_at, r.id LIMIT $2
       FOR UPDATE OF r SKIP LOCKED`,
      [now, limit],
    );
    const claimed: TClaimed[] = [];
    for (const row of rows) {
      const timezone = routineTimezone(row, row.preferences);
      const next = nextRoutineRun({ days: row.days, time: row.time }, timezone, now);
      await query(
        `UPDATE routines SET next_run_at = $2, last_run_at = CASE WHEN $3 THEN $4::timestamptz ELSE last_run_at END,
           updated_at = now() WHERE id = $1`,
        [row.id, next, row.active, now],
      );
      if (row.active) claimed.push({ ...row, timezone });
    }
    return claimed;
  });

const SYSTEM =
  "You are Cto, a supportive coach. The user set up a routine: at a time they chose, you answer their prompt " +
  "for them, unasked. Answer it in 60-150 words, in the second person, grounded only in the facts given; " +
  "end with one question or one small next step. No headings.";

/** The coach's answer to the routine's prompt; a provider failure still reminds the user of the routine. */
const compose = async (ai: TAiProvider, db: Db, routine: TClaimed, now: Date, log: TLogger) => {
  const facts = await routineFacts(db, routine.userId, now);
  try {
    const result = await ai.chat({
      messages: [
        { role: "system", content: SYSTEM },
        {
          role: "user",
          content: `Routine "${routine.title}": ${routine.prompt}\n\nFacts:\n${facts.map((fact) => `- ${fact}`).join("\n")}`,
        },
      ],
      grounding: { purpose: "summary", facts, now: now.getTime(), timezone: routine.timezone },
      temperature: 0.5,
      maxTokens: 400,
    });
    const content = result.content.trim();
    if (content) return `${routine.title}\n\n${content}`;
  } catch (error) {
    const code = error instanceof AiProviderError ? error.code : "unexpected";
    log.warn("routine answer failed; sending the prompt alone", { routineId: routine.id, code });
  }
  // The run is claimed already: the user still gets their routine, as the question they asked for.
  return `${routine.title}\n\nTime for your routine: ${routine.prompt}`;
};

// One row per channel; the dedupe key names the routine and the occurrence, so nothing is written twice.
const WRITE_SQL = `
INSERT INTO proactive_messages
  (user_id, content, context, channel, status, scheduled_for, sent_at, dedupe_key, created_at, updated_at)
SELECT $1::uuid, $2, $3::jsonb, c.channel::delivery_channel,
  CASE WHEN c.channel = 'IN_APP' THEN 'SENT' ELSE 'PENDING' END::proactive_message_status,
  $4::timestamptz, CASE WHEN c.channel = 'IN_APP' THEN $4::timestamptz END, $5 || '.' || c.channel, $4::timestamptz, now()
FROM unnest($6::text[]) AS c(channel)
ON CONFLICT (dedupe_key) DO NOTHING
RETURNING id`;

/**
 * One pass: claims the due routines and writes each one's answer as a proactive message, delivered
 * like the coach's nudges (in-app at once; Telegram through telegram/dispatch when connected).
 */
export const runRoutines = async ({
  db,
  ai,
  log,
  now,
  batchSize,
}: {
  db: Db;
  ai: TAiProvider;
  log: TLogger;
  now: Date;
  batchSize: number;
}) => {
  const claimed = await claimDueRoutines(db, now, batchSize);
  let messages = 0;
  for (const routine of claimed) {
    const content = await compose(ai, db, routine, now, log);
    const telegram = await queryRows<{ id: string }>(
      db,
      `SELECT id FROM telegram_connections WHERE user_id = $1::uuid AND is_active AND telegram_chat_id IS NOT NULL`,
      [routine.userId],
    );
    const channels = nudgeChannels(readNudgePreferences(routine.preferences), telegram.length > 0);
    const context = { type: "routine", routineId: routine.id, title: routine.title, dueAt: routine.dueAt.getTime() };
    const written = await queryRows(db, WRITE_SQL, [
      routine.userId,
      content,
      JSON.stringify(context),
      now,
      `routine.${routine.id}.${routine.dueAt.getTime()}`,
      channels,
    ]);
    messages += written.length;
  }
  return { routines: claimed.length, messages };
};

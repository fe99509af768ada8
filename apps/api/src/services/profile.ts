import type { z } from "zod";

import type { TPreferencesPatch, ZUpdateProfileSchema } from "@cto/contracts/api/auth";
import { bringHeldRemindersForward } from "@cto/core/reminders";
import { readReminderPreferences } from "@cto/core/working-hours";
import type { Db } from "@cto/db/client";
import type { TQueues } from "@cto/queue/queues";

import { log } from "../log.ts";

import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from "./account-archive.ts";
import { ACCOUNT_SECTIONS, archivedRows, embeddingRows, sectionRows } from "./account-data.ts";
import { followProfileTimezone } from "./routines.ts";
import type { TServiceLogger } from "./deps.ts";
import { followProfileTimezoneSchedules } from "./schedules.ts";

/** The signed-in user's own row: name, career profile (002) and preferences. */
export const getProfile = ({ db, userId }: { db: Db; userId: string }) =>
  db.user.findUniqueOrThrow({ where: { id: userId } });

type TJsonObject = Record<string, unknown>;
const asObject = (value: unknown): TJsonObject =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as TJsonObject) : {};

/** Lays a preferences patch over the stored preferences: given parts replace, the rest (and unknown keys) stay. */
const mergePreferences = (stored: unknown, patch: TPreferencesPatch): TJsonObject => {
  const merged = { ...asObject(stored), ...patch };
  if (patch.notificationPrefs)
    merged.notificationPrefs = { ...asObject(asObject(stored).notificationPrefs), ...patch.notificationPrefs };
  if (patch.coachNudges) {
    const nudges = asObject(asObject(stored).coachNudges);
    merged.coachNudges = { ...nudges, ...patch.coachNudges };
    // Channels merge one by one too: turning email on keeps the in-app and Telegram switches as they were.
    if (patch.coachNudges.channels)
      merged.coachNudges = {
        ...asObject(merged.coachNudges),
        channels: { ...asObject(nudges.channels), ...patch.coachNudges.channels },
      };
  }
  return merged;
};

/** Whether two preferences deliver reminders alike: the same timezone and the same working hours. */
const sameDeliveryRules = (before: unknown, after: unknown) => {
  const [was, is] = [readReminderPreferences(before), readReminderPreferences(after)];
  return was.timezone === is.timezone && JSON.stringify(was.workingHours) === JSON.stringify(is.workingHours);
};

/**
 * Edits the profile: fields left out are kept, null clears, preferences are merged part by part. A new
 * timezone moves the routines and schedules that follow it, in the same transaction. New working hours
 * (or a new timezone, which moves them) may let reminders held for the hours to start go sooner: once
 * the edit has landed they are timed again (`bringHeldRemindersForward`; never later here, a held
 * reminder's job checks the hours again when it fires).
 */
export const updateProfile = async ({
  db,
  queues = null,
  logger = log,
  userId,
  input: { preferences, ...fields },
}: {
  db: Db;
  queues?: TQueues | null;
  logger?: TServiceLogger;
  userId: string;
  input: z.output<typeof ZUpdateProfileSchema>;
}) => {
  let deliveryChanged = false;
  // The row is locked while preferences are merged, so two tabs saving different parts at once both land.
  const user = await db.$transaction(async (tx) => {
    const data: Record<string, unknown> = { ...fields };
    if (preferences) {
      const [stored] = await tx.$queryRaw<
        { preferences: unknown }[]
      >`SELECT preferences FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
      data.preferences = mergePreferences(stored?.preferences, preferences);
      const timezone = readReminderPreferences(data.preferences).timezone;
      if (timezone !== readReminderPreferences(stored?.preferences).timezone) {
        await followProfileTimezone(tx, userId, timezone);
        await followProfileTimezoneSchedules(tx, userId, timezone);
      }
      deliveryChanged = !sameDeliveryRules(stored?.preferences, data.preferences);
    }
    return tx.user.update({ where: { id: userId }, data });
  });
  if (deliveryChanged)
    // The edit has landed: a failure here leaves the reminders as they were, each checking the hours when it fires.
    await bringHeldRemindersForward({ db, queues, userId }).catch((error: unknown) =>
      logger.warn({ error: (error as Error).message }, "held reminders not timed again after new working hours"),
    );
  return user;
};

/**
 * Everything Cto holds about the user as one JSON archive (the format of POST /me/import), written
 * piece by piece through `write` so a large account is never held in memory. The user row is read
 * first (never the password hash), so a missing account fails before anything is written.
 */
export const exportAccount = async ({
  db,
  userId,
  withEmbeddings,
}: {
  db: Db;
  userId: string;
  withEmbeddings: boolean;
}) => {
  const { passwordHash: _secret, ...user } = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return async (write: (chunk: string) => Promise<unknown>) => {
    await write(
      `{"format":"${ARCHIVE_FORMAT}","version":${ARCHIVE_VERSION},"exportedAt":"${new Date().toISOString()}","user":${JSON.stringify(user)},"data":{`,
    );
    for (const [index, section] of ACCOUNT_SECTIONS.entries()) {
      await write(`${index ? "," : ""}"${section.key}":[`);
      let first = true;
      for await (const row of sectionRows(db, section, userId)) {
        await write(`${first ? "" : ","}${JSON.stringify(row)}`);
        first = false;
      }
      for await (const row of archivedRows(db, section, userId)) {
        await write(`${first ? "" : ","}${JSON.stringify(row)}`);
        first = false;
      }
      await write("]");
    }
    await write("}");
    if (withEmbeddings) await write(`,"embeddings":${JSON.stringify(await embeddingRows(db, userId))}`);
    await write("}");
  };
};

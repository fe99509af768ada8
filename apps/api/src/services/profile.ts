import type { z } from "zod";

import type { TPreferencesPatch, ZUpdateProfileSchema } from "@cto/contracts/api/auth";
import { readReminderPreferences } from "@cto/core/working-hours";
import type { Db } from "@cto/db/client";

import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from "./account-archive.ts";
import { ACCOUNT_SECTIONS, archivedRows, embeddingRows, sectionRows } from "./account-data.ts";
import { followProfileTimezone } from "./routines.ts";
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

/** Edits the profile: fields left out are kept, null clears, preferences are merged part by part. */
export const updateProfile = ({
  db,
  userId,
  input: { preferences, ...fields },
}: {
  db: Db;
  userId: string;
  input: z.output<typeof ZUpdateProfileSchema>;
}) =>
  // The row is locked while preferences are merged, so two tabs saving different parts at once both land.
  db.$transaction(async (tx) => {
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
    }
    return tx.user.update({ where: { id: userId }, data });
  });

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

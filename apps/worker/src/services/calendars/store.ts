import type { Db } from "@cto/db/client";

import type { TChanges } from "./changes.ts";

type TConnection = { id: string; userId: string; provider: string };

/**
 * Writes what a sync found: each changed object's occurrences are upserted on (connection, key) —
 * so a repeated or concurrent sync never duplicates an event — and its occurrences no longer
 * upstream are deleted; removed objects lose all their events, and after a complete listing so do
 * objects it did not name. One transaction per object, so a failure part-way leaves every object
 * either as before or fully updated.
 */
export const storeChanges = async (
  db: Db,
  connection: TConnection,
  { changed, removed, complete = false }: Pick<TChanges<unknown>, "changed" | "removed" | "complete">,
  now: Date,
) => {
  let written = 0;
  for (const { object, occurrences } of changed) {
    await db.$transaction(async (tx) => {
      for (const { key, ...fields } of occurrences) {
        const data = { ...fields, sourceSyncedAt: now };
        await tx.event.upsert({
          where: { connectedAccountId_upstreamKey: { connectedAccountId: connection.id, upstreamKey: key } },
          create: {
            ...data,
            userId: connection.userId,
            type: "meeting",
            source: connection.provider,
            connectedAccountId: connection.id,
            upstreamObject: object,
            upstreamKey: key,
          },
          update: { ...data, upstreamObject: object },
        });
      }
      await tx.event.deleteMany({
        where: {
          connectedAccountId: connection.id,
          upstreamObject: object,
          upstreamKey: { notIn: occurrences.map((item) => item.key) },
        },
      });
    });
    written += occurrences.length;
  }
  const { count: deleted } = removed.length
    ? await db.event.deleteMany({ where: { connectedAccountId: connection.id, upstreamObject: { in: removed } } })
    : { count: 0 };
  const listed = changed.filter((item) => item.occurrences.length > 0).map((item) => item.object);
  const { count: unlisted } = complete
    ? await db.event.deleteMany({
        where: {
          connectedAccountId: connection.id,
          OR: [{ upstreamObject: null }, { upstreamObject: { notIn: listed } }],
        },
      })
    : { count: 0 };
  return { written, deleted: deleted + unlisted };
};

import type { Db } from "@cto/db/client";

import { readPage } from "../../lib/pagination.ts";
import { withInteractions } from "./sessions.ts";

/**
 * Bookmark collections (001's `collectionIds`): a collection is only a name on messages, so it exists
 * while a message of the caller's holds it. Only sessions outside the trash count, as in every list.
 */

/** The caller's collections with how many of their messages each holds, by name. */
export const listCollections = async ({ db, userId }: { db: Db; userId: string }) => {
  const rows = await db.$queryRaw<{ collectionId: string; count: bigint }[]>`
    SELECT c.collection_id AS "collectionId", count(*) AS count
    FROM analysis_messages m
    JOIN analysis_sessions s ON s.id = m.analysis_session_id
    CROSS JOIN LATERAL unnest(m.collection_ids) AS c(collection_id)
    WHERE s.user_id = ${userId}::uuid AND s.deleted_at IS NULL
    GROUP BY c.collection_id
    ORDER BY c.collection_id`;
  return rows.map((row) => ({ collectionId: row.collectionId, count: Number(row.count) }));
};

/** A page of the caller's messages in one collection, across their sessions, newest first. */
export const listCollectionMessages = ({
  db,
  userId,
  collectionId,
  query: { limit, cursor },
}: {
  db: Db;
  userId: string;
  collectionId: string;
  query: { limit: number; cursor?: string | undefined };
}) => {
  const where = { analysisSession: { userId, deletedAt: null }, collectionIds: { has: collectionId } };
  return readPage(
    { limit, cursor },
    {
      listed: (row) => db.analysisMessage.findFirst({ where: { id: row, ...where }, select: { id: true } }),
      read: (window) =>
        db.analysisMessage.findMany({
          where,
          orderBy: [{ timestamp: "desc" }, { id: "desc" }],
          include: withInteractions(userId),
          ...window,
        }),
    },
  );
};

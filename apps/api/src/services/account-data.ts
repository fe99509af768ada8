import { randomUUID } from "node:crypto";

import type { Db, DbTransaction } from "@cto/db/client";

type Delegate = { findMany: (args: object) => Promise<Record<string, unknown>[]>; createMany: (args: object) => Promise<unknown> };
type Section = {
  /** Key in the archive's `data`. */
  key: string;
  model: (db: Db | DbTransaction) => unknown;
  /** The rows of `userId`. `deletedAt: undefined` names the column so the soft-delete guard includes the trash. */
  where: (userId: string) => object;
  /** Columns never exported: credentials and one-time tokens stay behind. */
  omit?: string[];
  /** Columns that hold the owner's id (rewritten to the importing account). */
  ownerColumns?: string[];
  /** How a row is adapted on import; `false` skips the section (it must be re-created, e.g. re-linked). */
  onImport?: false | ((row: Record<string, unknown>) => Record<string, unknown>);
};

const byUser = (userId: string) => ({ userId });
const withTrash = (userId: string) => ({ userId, deletedAt: undefined });

/**
 * Everything Cto holds about a user, in an order where every row comes after the rows it refers to,
 * so an import can insert section by section. Sessions, API keys, password resets and verification
 * tokens are credentials, not data, and are not exported.
 */
export const ACCOUNT_SECTIONS: Section[] = [
  { key: "userContext", model: (db) => db.userContext, where: byUser },
  // Sign-in links and OAuth grants are exported for the record, but must be made again after an import.
  { key: "accounts", model: (db) => db.account, where: byUser, omit: ["access_token", "refresh_token", "id_token"], onImport: false },
  { key: "conversations", model: (db) => db.conversation, where: byUser },
  { key: "messages", model: (db) => db.message, where: (userId) => ({ conversation: { userId } }) },
  { key: "aiResponses", model: (db) => db.aiResponse, where: byUser },
  { key: "insights", model: (db) => db.insight, where: byUser },
  { key: "goals", model: (db) => db.goal, where: byUser },
  { key: "commitments", model: (db) => db.commitment, where: byUser },
  { key: "emotions", model: (db) => db.emotion, where: byUser },
  { key: "energyMetrics", model: (db) => db.energyMetric, where: byUser },
  { key: "consistencyMetrics", model: (db) => db.consistencyMetric, where: byUser },
  { key: "reports", model: (db) => db.report, where: byUser },
  { key: "analysisSessions", model: (db) => db.analysisSession, where: withTrash },
  { key: "analysisMessages", model: (db) => db.analysisMessage, where: (userId) => ({ analysisSession: { userId, deletedAt: undefined } }) },
  { key: "messageInteractions", model: (db) => db.messageInteraction, where: byUser },
  { key: "posts", model: (db) => db.post, where: (userId) => ({ authorId: userId }), ownerColumns: ["authorId"] },
  { key: "likes", model: (db) => db.like, where: byUser },
  { key: "replies", model: (db) => db.reply, where: (userId) => ({ authorId: userId }), ownerColumns: ["authorId"] },
  { key: "stories", model: (db) => db.story, where: byUser },
  { key: "people", model: (db) => db.person, where: withTrash },
  { key: "places", model: (db) => db.place, where: withTrash },
  { key: "events", model: (db) => db.event, where: withTrash },
  { key: "tasks", model: (db) => db.task, where: withTrash },
  { key: "deadlines", model: (db) => db.deadline, where: withTrash },
  // Queue jobs belong to the instance that scheduled them; the worker schedules the imported commitments anew.
  { key: "reminderSchedules", model: (db) => db.reminderSchedule, where: byUser, onImport: false },
  { key: "entityRelationships", model: (db) => db.entityRelationship, where: byUser },
  { key: "auditLogs", model: (db) => db.auditLog, where: byUser },
  { key: "agentAssumptions", model: (db) => db.agentAssumption, where: (userId) => ({ auditLog: { userId } }) },
  { key: "connectedAccounts", model: (db) => db.connectedAccount, where: byUser, omit: ["accessToken", "refreshToken"], onImport: false },
  // A chat can be linked to one account only: the imported connection waits to be linked again.
  { key: "telegramConnection", model: (db) => db.telegramConnection, where: byUser, omit: ["connectionToken", "connectionTokenExpiresAt"], onImport: (row) => ({ ...row, telegramChatId: null, isActive: false, connectedAt: null }) },
  { key: "proactiveMessages", model: (db) => db.proactiveMessage, where: byUser, onImport: (row) => ({ ...row, dedupeKey: null }) },
];

export const ARCHIVE_FORMAT = "cto-account-export";
export const ARCHIVE_VERSION = 1;
const PAGE = 500;

const omitColumns = (row: Record<string, unknown>, omit: string[] = []) => Object.fromEntries(Object.entries(row).filter(([key]) => !omit.includes(key)));

/** The rows of one section, page by page, so an export never holds a whole table in memory. */
export async function* sectionRows(db: Db, section: Section, userId: string) {
  let cursor: string | undefined;
  while (true) {
    const rows = await (section.model(db) as Delegate).findMany({ where: section.where(userId), orderBy: { id: "asc" }, take: PAGE, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
    for (const row of rows) yield omitColumns(row, section.omit);
    if (rows.length < PAGE) return;
    cursor = rows.at(-1)!.id as string;
  }
}

/** A user's embeddings with their vectors (optional in exports: large, and re-computable). */
export const embeddingRows = (db: Db, userId: string) =>
  db.$queryRaw<Record<string, unknown>[]>`
    SELECT id::text, owner_kind::text AS "ownerKind", owner_id::text AS "ownerId", chunk_index AS "chunkIndex", content, content_hash AS "contentHash",
           model, dimension, embedding::text AS embedding, metadata, created_at AS "createdAt"
    FROM embeddings WHERE user_id = ${userId}::uuid ORDER BY id`;

export type Archive = { format: string; version: number; exportedAt: string; user: Record<string, unknown>; data: Record<string, Record<string, unknown>[]> };

/**
 * Imports an archive into `userId`'s account, which must hold none of this data yet. Every row gets
 * a new id (the archive's ids may still exist, e.g. in the account it came from); references among
 * the archive's rows follow the new ids, owner columns point at the importing user, and rows that
 * refer to something outside the archive that no longer exists (a like on a deleted post) are skipped.
 */
export const importArchive = async (db: Db, userId: string, archive: Archive) => {
  const ids = new Map<string, string>();
  for (const section of ACCOUNT_SECTIONS) for (const row of archive.data[section.key] ?? []) if (typeof row.id === "string") ids.set(row.id, randomUUID());
  const oldUserId = archive.user.id as string;
  const remap = (value: unknown): unknown => (typeof value === "string" ? (value === oldUserId ? userId : (ids.get(value) ?? value)) : value);

  const counts: Record<string, number> = {};
  await db.$transaction(
    async (tx) => {
      for (const section of ACCOUNT_SECTIONS) {
        if (section.onImport === false) continue;
        // Nulls are left out: a column's absence means SQL NULL, while `null` in a JSON column would be stored as JSON null.
        let rows = (archive.data[section.key] ?? []).map((row) =>
          Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null).map(([key, value]) => [key, key === "metadata" || key === "payload" ? value : remap(value)])),
        );
        for (const column of ["userId", ...(section.ownerColumns ?? [])]) rows = rows.map((row) => (column in row ? { ...row, [column]: userId } : row));
        if (section.onImport) rows = rows.map(section.onImport);
        if (section.key === "tasks") rows = parentsFirst(rows);
        if (section.key === "likes" || section.key === "replies") rows = await keepExistingPosts(tx, rows);
        if (rows.length) await (section.model(tx) as Delegate).createMany({ data: rows });
        counts[section.key] = rows.length;
      }
    },
    { timeout: 120_000 },
  );
  return counts;
};

// Subtasks refer to their parent task; insert parents first.
const parentsFirst = (tasks: Record<string, unknown>[]) => {
  const done = new Set<unknown>();
  const ordered: Record<string, unknown>[] = [];
  let pending = tasks;
  while (pending.length) {
    const ready = pending.filter((task) => !task.parentId || done.has(task.parentId) || !pending.some((other) => other.id === task.parentId));
    if (!ready.length) throw new Error("The archive's tasks refer to each other in a cycle.");
    for (const task of ready) done.add(task.id);
    ordered.push(...ready);
    pending = pending.filter((task) => !ready.includes(task));
  }
  return ordered;
};

const keepExistingPosts = async (tx: DbTransaction, rows: Record<string, unknown>[]) => {
  const postIds = [...new Set(rows.map((row) => row.postId as string))];
  const existing = new Set((await tx.post.findMany({ where: { id: { in: postIds } }, select: { id: true } })).map((post) => post.id));
  return rows.filter((row) => existing.has(row.postId as string));
};

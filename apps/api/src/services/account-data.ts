import { getTableColumns } from "drizzle-orm";

import type { Db } from "@cto/db/client";

import type { Section } from "./account-sections.ts";

export { ACCOUNT_SECTIONS } from "./account-sections.ts";

type Row = Record<string, unknown>;
type Delegate = { findMany: (args: object) => Promise<Row[]> };
const PAGE = 500;

const omitColumns = (row: Row, omit: string[] = []) =>
  Object.fromEntries(Object.entries(row).filter(([key]) => !omit.includes(key)));

/** The rows of one section, page by page, so an export never holds a whole table in memory. */
export async function* sectionRows(db: Db, section: Section, userId: string) {
  let cursor: string | undefined;
  while (true) {
    const rows = await (section.model(db) as Delegate).findMany({
      where: section.where(userId),
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
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

/**
 * The history the worker moved into the archive (packages/db's "History and retention"), for the sections
 * whose hot table it left: rows in the hot table's shape (enums and decimals as text, as Prisma writes
 * them), so an archived month is part of the export and an import puts it back as ordinary history.
 */
const ARCHIVED: Record<string, { from: string; owned: string }> = {
  // The conversations the messages section exports: the user's, the trash left out as the guard does.
  messages: {
    from: "archive.messages",
    owned: "conversation_id IN (SELECT id FROM conversations WHERE user_id = $1::uuid AND deleted_at IS NULL)",
  },
  aiResponses: { from: "archive.ai_responses", owned: "user_id = $1::uuid" },
};

export async function* archivedRows(db: Db, section: Section, userId: string) {
  const archived = ARCHIVED[section.key];
  if (!archived) return;
  const select = Object.entries(getTableColumns(section.table))
    .filter(([key]) => !section.omit?.includes(key))
    .map(([key, column]) => {
      const text = column.columnType === "PgNumeric" || column.columnType === "PgEnumColumn";
      return `"${column.name}"${text ? "::text" : ""} AS "${key}"`;
    })
    .join(", ");
  let after = "00000000-0000-0000-0000-000000000000";
  while (true) {
    const rows = await db.$queryRawUnsafe<Row[]>(
      `SELECT ${select} FROM ${archived.from} WHERE ${archived.owned} AND id > $2::uuid ORDER BY id LIMIT ${PAGE}`,
      userId,
      after,
    );
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id as string;
  }
}

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

import { randomUUID } from "node:crypto";

import type { Db, DbTransaction } from "@cto/db/client";
import { toDbError } from "@cto/db/errors";

import { ApiError, type ErrorDetail } from "../errors.ts";
import type { TSharedCache } from "../lib/shared-cache.ts";
import { archiveIssues, type TArchiveIssue } from "./account-archive-checks.ts";
import { PROFILE_FIELDS, SECTION_SHAPES, type TAccountArchive, type TSectionShape } from "./account-archive.ts";
import { isImported, type Section } from "./account-sections.ts";
import { forgetUserContext } from "./coaching/profile.ts";

export { ACCOUNT_SECTIONS } from "./account-sections.ts";

type Row = Record<string, unknown>;
type Delegate = {
  findMany: (args: object) => Promise<Row[]>;
  findFirst: (args: object) => Promise<Row | null>;
  createMany: (args: object) => Promise<unknown>;
};
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

export type TImportResult = {
  /** Rows written per section. */
  imported: Record<string, number>;
  /** Rows left out per section: likes and replies on a post that is neither in the archive nor published here. */
  dropped: Record<string, number>;
  /** References cleared per `section.column`: history pointing at a row the archive does not hold. */
  cleared: Record<string, number>;
};

export const toDetails = (issues: TArchiveIssue[]): ErrorDetail[] =>
  issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
const refuse = (issues: TArchiveIssue[]) =>
  new ApiError("validation_failed", "The archive cannot be imported; see details.", toDetails(issues));

// Subtasks refer to their parent task: parents first (the archive checks refused loops).
const parentsFirst = (tasks: Row[]) => {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const placed = new Set<unknown>();
  const ordered: Row[] = [];
  const place = (task: Row) => {
    const chain: Row[] = [];
    for (let current: Row | undefined = task; current && !placed.has(current.id); current = byId.get(current.parentId))
      chain.push(current);
    for (const row of chain.reverse()) placed.add(row.id), ordered.push(row);
  };
  tasks.forEach(place);
  return ordered;
};

/**
 * Imports an archive into `userId`'s account, all or nothing, once it holds none of this data yet.
 * Every row gets a new id (the archive's ids may still exist, e.g. in the account it came from); every
 * reference follows its row to the new id, owner columns name the importing user. Nothing can point
 * outside the account: a reference to a row the archive does not hold is refused (400 with its
 * path), except a like or reply on a post that is published here (kept) or not (left out, counted),
 * and an audit log's link to a conversation or entity deleted since (cleared, counted).
 */
export const importArchive = async ({
  db,
  userId,
  archive,
  sharedCache,
}: {
  db: Db;
  userId: string;
  archive: TAccountArchive;
  sharedCache?: TSharedCache;
}): Promise<TImportResult> => {
  const data = archive.data as Record<string, Row[] | undefined>;
  const { issues, outsidePosts } = archiveIssues(SECTION_SHAPES, archive.user.id as string, data);
  if (issues.length) throw refuse(issues);

  const newIds = new Map<string, Map<string, string>>();
  const anyNewId = new Map<string, string>();
  for (const { section } of SECTION_SHAPES) {
    const ids = new Map((data[section.key] ?? []).map((row) => [row.id as string, randomUUID()]));
    newIds.set(section.key, ids);
    if (isImported(section)) for (const [old, fresh] of ids) anyNewId.set(old, fresh);
  }
  const result: TImportResult = { imported: {}, dropped: {}, cleared: {} };
  const count = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

  const prepare = (shape: TSectionShape, rows: Row[], published: Set<string>) => {
    const { section } = shape;
    const prepared: Row[] = [];
    for (const row of rows) {
      // Absent means SQL NULL or the column's default; `null` in a JSON column would be stored as JSON null.
      const out: Row = Object.fromEntries(
        Object.entries(row).filter(([, value]) => value !== null && value !== undefined),
      );
      out.id = newIds.get(section.key)!.get(row.id as string);
      for (const column of shape.ownerColumns) if (column in out) out[column] = userId;
      let keep = true;
      for (const [column, target] of Object.entries(shape.foreignKeys)) {
        if (!(column in out)) continue;
        const fresh = newIds.get(target)!.get(out[column] as string);
        if (fresh) out[column] = fresh;
        else if (!published.has(out[column] as string)) keep = false;
      }
      for (const [column, reference] of Object.entries(section.looseReferences ?? {})) {
        if (!(column in out)) continue;
        const fresh =
          "kindColumn" in reference
            ? newIds.get(reference.sections[out[reference.kindColumn] as string]!)!.get(out[column] as string)
            : reference.history === "any"
              ? anyNewId.get(out[column] as string)
              : newIds.get(reference.history)!.get(out[column] as string);
        if (fresh) out[column] = fresh;
        else delete out[column], count(result.cleared, `${section.key}.${column}`);
      }
      for (const [column, value] of Object.entries(section.importAs ?? {})) {
        if (value === null) delete out[column];
        else out[column] = value;
      }
      if (keep) prepared.push(out);
      else count(result.dropped, section.key);
    }
    return section.key === "tasks" ? parentsFirst(prepared) : prepared;
  };

  let writing = "user";
  try {
    await db.$transaction(
      async (tx) => {
        // One import at a time per account: a second one waits here, then finds the data and stops.
        await tx.$queryRaw`SELECT 1 FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
        await assertEmpty(tx, userId);
        // A like or reply may stay on another user's post only while it is published; the lock keeps it so until the rows are in.
        const published = outsidePosts.length
          ? new Set(
              (
                await tx.$queryRaw<
                  { id: string }[]
                >`SELECT id::text AS id FROM posts WHERE id = ANY(${outsidePosts}::uuid[]) AND status = 'PUBLISHED' FOR SHARE`
              ).map((post) => post.id),
            )
          : new Set<string>();
        const profile = Object.fromEntries(
          PROFILE_FIELDS.filter((field) => archive.user[field] !== undefined).map((field) => [
            field,
            archive.user[field],
          ]),
        );
        await tx.user.update({ where: { id: userId }, data: profile });
        for (const shape of SECTION_SHAPES.filter(({ section }) => isImported(section))) {
          writing = `data.${shape.section.key}`;
          const rows = prepare(shape, data[shape.section.key] ?? [], published);
          if (rows.length) await (shape.section.model(tx) as Delegate).createMany({ data: rows });
          result.imported[shape.section.key] = rows.length;
        }
      },
      // A second import into the same account waits for the first (the row lock above), then answers 409.
      { maxWait: 60_000, timeout: 120_000 },
    );
  } catch (error) {
    // A database rule the archive checks do not know of yet (a new CHECK constraint) still answers 400, naming the section.
    const dbError = toDbError(error);
    if (!dbError || dbError.code === "unavailable") throw error;
    throw refuse([
      {
        path: writing.split("."),
        message: `refused by the database (${dbError.constraint ?? dbError.code}); nothing was imported`,
      },
    ]);
  }
  // The archive may bring a context profile; every instance must read it, not the empty one cached before.
  await forgetUserContext(sharedCache, userId);
  return result;
};

const assertEmpty = async (tx: DbTransaction, userId: string) => {
  for (const { section } of SECTION_SHAPES.filter(({ section }) => isImported(section))) {
    const existing = await (section.model(tx) as Delegate).findFirst({
      where: section.where(userId),
      select: { id: true },
    });
    if (existing)
      throw new ApiError(
        "invalid_state",
        `This account already holds data (${section.key}); import needs an empty account.`,
      );
  }
};

import { randomUUID } from "node:crypto";

import { getTableColumns } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";

import { refreshAchievementScores } from "@cto/core/achievements";
import { User } from "@cto/contracts/tables";
import { type Db, type DbExecutor, rawTransaction, type TRawQuery } from "@cto/db/client";
import { toDbError } from "@cto/db/errors";

import { ApiError } from "../errors.ts";
import type { TSharedCache } from "../lib/shared-cache.ts";
import { keyValue, MAX_ARCHIVE_ISSUES, type TArchiveIssue, taskCycles } from "./account-archive-checks.ts";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  PROFILE_FIELDS,
  SECTION_SHAPES,
  type TSectionShape,
  ZArchiveUserSchema,
} from "./account-archive.ts";
import { rowChecker } from "./account-import-rows.ts";
import { isImported } from "./account-sections.ts";
import { ArchiveSyntaxError, ArchiveTooLargeError, scanArchive, type TArchiveEvent } from "./archive-stream.ts";
import { forgetUserContext } from "./coaching/profile.ts";

type Row = Record<string, unknown>;

/** Rows per INSERT, and the most text one INSERT carries: a batch is all an import holds of the rows. */
const BATCH_ROWS = 1000;
const BATCH_CHARS = 8_000_000;

export type TImportResult = {
  /** Rows written per section. */
  imported: Record<string, number>;
  /** Rows left out per section: likes and replies on a post that is neither in the archive nor published here. */
  dropped: Record<string, number>;
  /** References cleared per `section.column`: history pointing at a row the archive does not hold. */
  cleared: Record<string, number>;
};

type TColumnPlan = { key: string; name: string; type: string };
type TInsertPlan = { table: string; columns: TColumnPlan[]; sql: string; idType: string };

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

type TCatalogColumn = { table: string; column: string; type: string; default: string | null };

/**
 * One INSERT … SELECT FROM json_to_recordset($1) per section: a batch travels as one JSON text (the
 * rows as `JSON.stringify` writes them: instants as ISO strings, decimals as strings), each field read
 * as its column's type from the catalog, jsonb as the JSON value itself, arrays from JSON arrays (arrays
 * of values, one per column, are escaped element by element on the way). A value the archive leaves out (or null) takes the column's
 * default there, as Prisma's createMany would, and updatedAt (set by Prisma, not the database) the time
 * of the import. The batch's JSON goes to pg as it is (rawTransaction): through Prisma, a parameter is
 * serialised to JSON and parsed back again on its way to the driver, which cost as much as the rest of
 * the import's own work.
 */
const insertPlans = async (query: TRawQuery) => {
  const tables = SECTION_SHAPES.map((shape) => getTableConfig(shape.section.table as never).name);
  const catalog = await query<TCatalogColumn>(
    `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type",
            pg_get_expr(d.adbin, d.adrelid) AS "default"
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = current_schema() AND c.relname = ANY($1::text[]) AND a.attnum > 0 AND NOT a.attisdropped`,
    [[...tables, USERS]],
  );
  const byColumn = new Map(catalog.map((entry) => [`${entry.table}.${entry.column}`, entry]));
  const typeOf = (table: string, column: string) => {
    const entry = byColumn.get(`${table}.${column}`);
    if (!entry) throw new Error(`account import: ${table}.${column} is not in the database`);
    return entry;
  };
  const profile = profileUpdate(typeOf);
  const sections = new Map(
    SECTION_SHAPES.map((shape, position) => {
      const table = tables[position]!;
      const columns = shape.columns.map((column) => {
        const entry = typeOf(table, column.name);
        return { key: column.key, name: column.name, type: entry.type, entry };
      });
      const values = columns.map((column) => {
        const fallback = column.entry.default ?? (column.key === "updatedAt" ? "CURRENT_TIMESTAMP" : null);
        const value = `v.${quoteIdent(column.key)}`;
        return fallback ? `COALESCE(${value}, ${fallback})` : value;
      });
      const sql = `INSERT INTO ${quoteIdent(table)} (${columns.map((column) => quoteIdent(column.name)).join(", ")})
        SELECT ${values.join(", ")}
        FROM json_to_recordset($1::json) AS v(${columns.map((column) => `${quoteIdent(column.key)} ${column.type}`).join(", ")})`;
      const idType = columns.find((column) => column.key === "id")?.type ?? "uuid";
      const plan: TInsertPlan = {
        table,
        columns: columns.map(({ entry: _entry, ...column }) => column),
        sql,
        idType,
      };
      return [shape.section.key, plan];
    }),
  );
  return { sections, profile };
};

const USERS = getTableConfig(User).name;
const USER_COLUMNS = getTableColumns(User) as Record<string, { name: string }>;

/**
 * The archive's profile fields onto the importing user, as Prisma's update did: the fields the archive
 * gives (null included), each read as its column's type, and updatedAt (Prisma's to set) the time of the import.
 */
type TProfileUpdate = (userId: string, profile: Row) => { sql: string; values: unknown[] };
const profileUpdate = (typeOf: (table: string, column: string) => TCatalogColumn): TProfileUpdate => {
  const columns = PROFILE_FIELDS.map((field) => {
    const name = USER_COLUMNS[field]!.name;
    return { field, name, type: typeOf(USERS, name).type };
  });
  const updatedAt = `${quoteIdent(USER_COLUMNS.updatedAt!.name)} = CURRENT_TIMESTAMP`;
  return (userId: string, profile: Row) => {
    const given = columns.filter((column) => profile[column.field] !== undefined);
    if (!given.length)
      return { sql: `UPDATE ${quoteIdent(USERS)} SET ${updatedAt} WHERE id = $1::uuid`, values: [userId] };
    const sets = given.map((column) => `${quoteIdent(column.name)} = v.${quoteIdent(column.field)}`);
    const record = given.map((column) => `${quoteIdent(column.field)} ${column.type}`);
    return {
      sql: `UPDATE ${quoteIdent(USERS)} SET ${[...sets, updatedAt].join(", ")}
        FROM json_to_record($2::json) AS v(${record.join(", ")}) WHERE ${quoteIdent(USERS)}.id = $1::uuid`,
      values: [userId, JSON.stringify(profile)],
    };
  };
};

/** `$executeRaw` on the raw transaction, for a helper written against Prisma's: the template's values become $1…$n. */
const executeRawOn = (query: TRawQuery) =>
  ({
    $executeRaw: async (strings: TemplateStringsArray, ...values: unknown[]) => {
      await query(
        strings.reduce((sql, part, index) => `${sql}$${index}${part}`),
        values,
      );
      return 0;
    },
  }) as unknown as Pick<Db, "$executeRaw">;

/** One section of the archive being read: its ids, its unique keys, the batch not yet written. */
type TSectionRun = {
  shape: TSectionShape;
  rows: ReturnType<typeof rowChecker>;
  plan: TInsertPlan;
  /** The archive's id of each row → its new id and the row's index (for a duplicate's message). */
  ids: Map<string, { id: string; index: number }>;
  keys: { columns: string[]; seen: Map<string, number> }[];
  batch: Row[];
  batchChars: number;
  /** Foreign keys within the section (a subtask's parent): written once the whole section is in. */
  selfReferences: { column: string; rows: { id: string; old: string; target: string; index: number }[] }[];
  /** Rows held whole: the section came before a section it refers to (not the export's order). */
  held?: { index: number; value: unknown }[];
};

/**
 * Imports an archive, read from `body` as it arrives, into `userId`'s account, all or nothing, once
 * the account holds none of this data yet. Every row gets a new id (the archive's ids may still exist,
 * e.g. in the account it came from); every reference follows its row to the new id, owner columns name
 * the importing user. Nothing can point outside the account: a reference to a row the archive does not
 * hold is refused (400 with its path), except a like or reply on a post that is published here (kept)
 * or not (left out, counted), and an audit log's link to a conversation or entity deleted since
 * (cleared, counted).
 *
 * Rows are checked and written in batches inside one transaction as the body streams in, so memory
 * holds one batch plus each row's old and new id, whatever the archive's size. A section that comes
 * before a section it refers to (the export writes them in order; other writers may not) is held until
 * the end. Once a problem is found nothing more is written; reading goes on to list every problem.
 */
export const importArchive = async ({
  db,
  userId,
  body,
  maxBytes,
  sharedCache,
}: {
  db: Db;
  userId: string;
  body: AsyncIterable<Uint8Array>;
  maxBytes: number;
  sharedCache?: TSharedCache;
}): Promise<TImportResult> => {
  let writing = "user";
  let result: TImportResult;
  // Through Prisma, before the transaction: the embedded database serves one connection at a time.
  await assertEmpty(db, userId);
  try {
    // On the pool's own pg connection, not Prisma's interactive transaction: see insertPlans.
    result = await rawTransaction(db, async (query) => {
      // Nothing waits for ever: no statement, a second import's wait for the lock included, runs past the limit.
      await query(`SET LOCAL statement_timeout = ${IMPORT_TIMEOUT_MS}`);
      // One import at a time per account: a second one waits here, then finds the data and stops.
      await query("SELECT 1 FROM users WHERE id = $1::uuid FOR UPDATE", [userId]);
      const [held] = await query<{ section: string }>(OWNED_ROWS_SQL, [userId]);
      if (held) throw accountNotEmpty(held.section);
      const plans = await insertPlans(query);
      const archiveImport = new ArchiveImport(query, userId, plans.sections, plans.profile, (section) => {
        writing = section;
      });
      try {
        for await (const event of scanArchive(body, { maxBytes })) await archiveImport.take(event);
      } catch (error) {
        if (!(error instanceof ArchiveSyntaxError)) {
          // The transaction rolls back once the write under way has ended; its own failure matters less.
          await archiveImport.settle().catch(() => undefined);
          throw error;
        }
        archiveImport.add(error.path, error.message);
      }
      const imported = await archiveImport.finish();
      // The archive's score is what it was on the other server; here it is what the imported rows earn.
      await refreshAchievementScores(executeRawOn(query), [userId]);
      return imported;
    });
  } catch (error) {
    if (error instanceof ArchiveTooLargeError) throw new ApiError("payload_too_large", error.message);
    // A database rule the archive checks do not know of yet (a new CHECK constraint) still answers 400, naming the section.
    const dbError = toDbError(error);
    if (!dbError || dbError.code === "unavailable") throw error;
    // pg names the constraint on its error; toDbError reads the name from Prisma's wrapping.
    const { constraint } = error as { constraint?: unknown };
    throw refuse(
      [
        {
          path: writing.split("."),
          message: `refused by the database (${dbError.constraint ?? (typeof constraint === "string" ? constraint : dbError.code)}); nothing was imported`,
        },
      ],
      0,
    );
  }
  // The archive may bring a context profile; every instance must read it, not the empty one cached before.
  await forgetUserContext(sharedCache, userId);
  return result;
};

/** The longest any statement of an import may run (the wait for a second import's lock included). */
const IMPORT_TIMEOUT_MS = 300_000;

const refuse = (issues: TArchiveIssue[], unlisted: number) =>
  new ApiError("validation_failed", "The archive cannot be imported; see details.", [
    ...issues.map((issue) => ({ path: issue.path.join(".") || "(body)", message: issue.message })),
    ...(unlisted ? [{ path: "(body)", message: `${unlisted} more problems not listed` }] : []),
  ]);

const TOP_LEVEL: Record<string, (value: unknown) => string | undefined> = {
  format: (value) => (value === ARCHIVE_FORMAT ? undefined : `must be "${ARCHIVE_FORMAT}"`),
  version: (value) => (value === ARCHIVE_VERSION ? undefined : `must be ${ARCHIVE_VERSION}`),
  exportedAt: (value) =>
    typeof value === "string" && value.length <= 100 ? undefined : "must be a string of at most 100 characters",
};

class ArchiveImport {
  private readonly issues: TArchiveIssue[] = [];
  private unlisted = 0;
  private readonly runs = new Map<string, TSectionRun>();
  private readonly done = new Set<string>();
  private readonly seenTop = new Set<string>();
  private archiveUserId: string | undefined;
  /** Owner values seen before the archive's user: checked once it is known. */
  private readonly ownersToCheck = new Map<string, (string | number)[]>();
  /** Every imported row's archive id → its new id, for history that may name a row of any section. */
  private readonly anyNewId = new Map<string, string>();
  /** History naming a row not read yet: resolved at the end, or cleared. */
  /**
   * Rows naming, in history, a row not read yet (audit logs are append-only: written once, never
   * updated), and rows referring to such a row: written at the end, once every id is known.
   */
  private readonly laterHistory: { row: Row; section: string; column: string; target: string }[] = [];
  private readonly heldRows = new Map<string, Row[]>();
  private readonly heldIds = new Set<string>();
  private readonly publishedPosts = new Map<string, boolean>();
  /** Likes and replies naming a post outside the archive (checkRow refused any other reference outside it). */
  private readonly outsidePostRows = new WeakSet<Row>();
  private readonly result: TImportResult = { imported: {}, dropped: {}, cleared: {} };
  /** The batch PostgreSQL is writing while the next one is read and checked: reading and writing overlap. */
  private inFlight: Promise<{ error: unknown } | undefined> | undefined;

  constructor(
    private readonly query: TRawQuery,
    private readonly userId: string,
    private readonly plans: Map<string, TInsertPlan>,
    private readonly updateProfile: TProfileUpdate,
    private readonly writingSection: (path: string) => void,
  ) {}

  add(path: (string | number)[], message: string) {
    if (this.issues.length < MAX_ARCHIVE_ISSUES) this.issues.push({ path, message });
    else this.unlisted++;
  }

  async take(event: TArchiveEvent) {
    switch (event.kind) {
      case "top":
        return this.takeTop(event.key, event.value);
      case "misplaced":
        return this.add(event.path, "must be an array of rows");
      case "sectionStart":
        return this.startSection(event.key);
      case "row":
        return this.takeRow(this.runs.get(event.key), event.index, event.value);
      case "sectionEnd":
        return this.endSection(event.key);
    }
  }

  private async takeTop(key: string, value: unknown) {
    if (this.seenTop.has(key)) return this.add([key], "given twice");
    this.seenTop.add(key);
    if (key in TOP_LEVEL) {
      const message = TOP_LEVEL[key]!(value);
      if (message) this.add([key], message);
    } else if (key === "data") this.add(["data"], "must be an object of sections");
    else if (key === "embeddings" && !Array.isArray(value)) this.add(["embeddings"], "must be an array");
    else if (key === "user") await this.takeUser(value);
  }

  private async takeUser(value: unknown) {
    const parsed = ZArchiveUserSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        this.add(["user", ...(issue.path as (string | number)[])], issue.message);
      return;
    }
    const user = parsed.data as Row;
    this.archiveUserId = user.id as string;
    for (const [owner, path] of this.ownersToCheck) if (owner !== this.archiveUserId) this.ownerIssue(path);
    this.ownersToCheck.clear();
    const profile = Object.fromEntries(
      PROFILE_FIELDS.filter((field) => user[field] !== undefined).map((field) => [field, user[field]]),
    );
    if (this.issues.length) return;
    await this.settle();
    const update = this.updateProfile(this.userId, profile);
    await this.query(update.sql, update.values);
  }

  private ownerIssue(path: (string | number)[]) {
    this.add(path, "must be the archive's user (user.id): an archive holds one account's rows");
  }

  /** Sections this one's references name, other than itself. */
  private dependencies(shape: TSectionShape) {
    const { section } = shape;
    const targets = new Set(Object.values(shape.foreignKeys));
    for (const reference of Object.values(section.looseReferences ?? {})) {
      if ("kindColumn" in reference) for (const target of Object.values(reference.sections)) targets.add(target);
      else if (reference.history !== "any") targets.add(reference.history);
    }
    targets.delete(section.key);
    return [...targets];
  }

  private startSection(key: string) {
    const shape = SECTION_SHAPES.find((candidate) => candidate.section.key === key);
    if (!shape) return this.add(["data", key], "is not a section of the archive");
    if (this.runs.has(key)) return this.add(["data", key], "given twice");
    const { section } = shape;
    const run: TSectionRun = {
      shape,
      rows: rowChecker(shape),
      plan: this.plans.get(key)!,
      ids: new Map(),
      keys: shape.uniqueKeys
        .filter(
          (columns) => !columns.some((column) => column in (section.importAs ?? {}) || section.omit?.includes(column)),
        )
        .map((columns) => ({ columns, seen: new Map() })),
      batch: [],
      batchChars: 0,
      selfReferences: Object.entries(shape.foreignKeys)
        .filter(([, target]) => target === key)
        .map(([column]) => ({ column, rows: [] })),
    };
    if (this.dependencies(shape).some((dependency) => !this.done.has(dependency))) run.held = [];
    this.runs.set(key, run);
  }

  private async takeRow(run: TSectionRun | undefined, index: number, value: unknown) {
    if (!run) return;
    if (run.held) return void run.held.push({ index, value });
    const { section } = run.shape;
    const path = ["data", section.key, index];
    const parsed = run.rows.parse(value);
    if (parsed.issues) {
      for (const issue of parsed.issues) this.add([...path, ...(issue.path as (string | number)[])], issue.message);
      return;
    }
    const { row } = parsed;
    const oldId = row.id as string;
    const earlier = run.ids.get(oldId);
    if (earlier) return this.add([...path, "id"], `duplicate id: data.${section.key}.${earlier.index} has it too`);
    const newId = randomUUID();
    run.ids.set(oldId, { id: newId, index });
    if (!isImported(section)) return;
    this.anyNewId.set(oldId, newId);
    const problems = this.issues.length + this.unlisted;
    this.checkRow(run, row, path, newId);
    if (this.issues.length + this.unlisted > problems || problems) return;
    const prepared = this.prepare(run, row, newId);
    if (!prepared.hold) return this.queue(run, prepared.row);
    this.heldIds.add(newId);
    const held = this.heldRows.get(section.key) ?? [];
    held.push(prepared.row);
    this.heldRows.set(section.key, held);
  }

  private idsOf(section: string) {
    return this.runs.get(section)?.ids;
  }

  private checkRow(run: TSectionRun, row: Row, path: (string | number)[], newId: string) {
    const { shape } = run;
    const { section } = shape;
    for (const column of shape.ownerColumns) {
      const owner = row[column] as string | null | undefined;
      if (owner == null) continue;
      if (this.archiveUserId === undefined) {
        if (!this.ownersToCheck.has(owner)) this.ownersToCheck.set(owner, [...path, column]);
      } else if (owner !== this.archiveUserId) this.ownerIssue([...path, column]);
    }
    for (const [column, target] of Object.entries(shape.foreignKeys)) {
      const value = row[column] as string | null | undefined;
      if (value == null) continue;
      // Within the section a row may name one further on: checked, and written, once the section is in.
      if (target === section.key) {
        const reference = run.selfReferences.find((candidate) => candidate.column === column)!;
        reference.rows.push({ id: newId, old: row.id as string, target: value, index: path[2] as number });
        continue;
      }
      if (this.idsOf(target)?.has(value)) continue;
      if (section.publishedPostColumn !== column)
        this.add([...path, column], `must name a row of data.${target} in this archive`);
    }
    for (const [column, reference] of Object.entries(section.looseReferences ?? {})) {
      if (!("kindColumn" in reference)) continue;
      const target = reference.sections[row[reference.kindColumn] as string]!;
      if (!this.idsOf(target)?.has(row[column] as string))
        this.add(
          [...path, column],
          `must name a row of data.${target} in this archive (${reference.kindColumn} is ${String(row[reference.kindColumn])})`,
        );
    }
    for (const key of run.keys) {
      const value = key.columns.length ? keyValue(row, key.columns) : "one";
      if (value === undefined) continue;
      const earlier = key.seen.get(value);
      if (earlier === undefined) key.seen.set(value, path[2] as number);
      else if (!key.columns.length)
        this.add(path, `an account has one of these, and data.${section.key}.${earlier} is it`);
      else
        this.add(
          [...path, key.columns.at(-1)!],
          `${key.columns.join(", ")}: the same as data.${section.key}.${earlier}, and unique in an account`,
        );
    }
  }

  /** The row as it is written (the parsed row, changed in place): new ids, the importing user, references followed or cleared. */
  private prepare(run: TSectionRun, row: Row, newId: string) {
    const { shape } = run;
    const { section } = shape;
    const out = row;
    out.id = newId;
    let hold = false;
    for (const column of shape.ownerColumns) if (out[column] != null) out[column] = this.userId;
    for (const [column, target] of Object.entries(shape.foreignKeys)) {
      const value = out[column] as string | null | undefined;
      if (value == null) continue;
      if (target === section.key) {
        out[column] = null;
        continue;
      }
      // A post outside the archive stays as named until the batch asks whether it is published here.
      const fresh = this.idsOf(target)?.get(value)?.id;
      if (fresh) out[column] = fresh;
      else this.outsidePostRows.add(out);
      if (fresh && this.heldIds.has(fresh)) hold = true;
    }
    for (const [column, reference] of Object.entries(section.looseReferences ?? {})) {
      const value = out[column] as string | null | undefined;
      if (value == null) continue;
      let fresh: string | undefined;
      if ("kindColumn" in reference)
        fresh = this.idsOf(reference.sections[out[reference.kindColumn] as string]!)?.get(value)?.id;
      else if (reference.history === "any") {
        fresh = this.anyNewId.get(value);
        if (!fresh) {
          this.laterHistory.push({ row: out, section: section.key, column, target: value });
          hold = true;
          continue;
        }
      } else fresh = this.idsOf(reference.history)?.get(value)?.id;
      if (fresh) out[column] = fresh;
      else {
        out[column] = null;
        this.count(this.result.cleared, `${section.key}.${column}`);
      }
    }
    for (const [column, value] of Object.entries(section.importAs ?? {})) out[column] = value;
    return { row: out, hold };
  }

  private count(counts: Record<string, number>, key: string, by = 1) {
    counts[key] = (counts[key] ?? 0) + by;
  }

  private async queue(run: TSectionRun, row: Row) {
    run.batch.push(row);
    for (const value of Object.values(row)) if (typeof value === "string") run.batchChars += value.length;
    if (run.batch.length >= BATCH_ROWS || run.batchChars >= BATCH_CHARS) await this.flush(run);
  }

  private async flush(run: TSectionRun) {
    const { section } = run.shape;
    let rows = run.batch;
    run.batch = [];
    run.batchChars = 0;
    if (!rows.length || this.issues.length || this.unlisted) return;
    if (section.publishedPostColumn) rows = await this.keepOnPublishedPosts(run, rows);
    await this.settle();
    this.writingSection(`data.${section.key}`);
    if (rows.length) {
      const write = this.query(run.plan.sql, [JSON.stringify(rows)]);
      // Its failure is rethrown by the next settle(); handled here so it never counts as unhandled.
      this.inFlight = write.then(
        () => undefined,
        (error: unknown) => ({ error }),
      );
    }
    this.count(this.result.imported, section.key, rows.length);
  }

  /**
   * Waits for the batch PostgreSQL is writing, and throws its error. Every other use of the transaction
   * waits here first: it holds one connection, and the write's section is the one a failure names.
   */
  async settle() {
    const inFlight = this.inFlight;
    this.inFlight = undefined;
    const outcome = await inFlight;
    if (outcome) throw outcome.error;
  }

  /** Likes and replies on a post outside the archive: kept while it is published here (the lock holds it so), else left out. */
  private async keepOnPublishedPosts(run: TSectionRun, rows: Row[]) {
    const column = run.shape.section.publishedPostColumn!;
    const outside = (row: Row) => this.outsidePostRows.has(row);
    const unknown = [...new Set(rows.filter(outside).map((row) => row[column] as string)).values()].filter(
      (post) => !this.publishedPosts.has(post),
    );
    if (unknown.length) {
      await this.settle();
      const published = await this.query<{ id: string }>(
        "SELECT id::text AS id FROM posts WHERE id = ANY($1::uuid[]) AND status = 'PUBLISHED' FOR SHARE",
        [unknown],
      );
      for (const post of unknown) this.publishedPosts.set(post, false);
      for (const { id } of published) this.publishedPosts.set(id, true);
    }
    return rows.filter((row) => {
      if (!outside(row) || this.publishedPosts.get(row[column] as string)) return true;
      this.count(this.result.dropped, run.shape.section.key);
      return false;
    });
  }

  private async endSection(key: string) {
    const run = this.runs.get(key);
    if (!run || run.held) return;
    await this.flush(run);
    this.done.add(key);
    const { section } = run.shape;
    for (const reference of run.selfReferences) {
      const known = reference.rows.filter((row) => {
        if (run.ids.has(row.target)) return true;
        this.add(["data", key, row.index, reference.column], `must name a row of data.${key} in this archive`);
        return false;
      });
      if (section.key === "tasks") {
        const cycles = taskCycles(reference.rows.map((row) => ({ id: row.old, parentId: row.target })));
        for (const row of reference.rows)
          if (cycles.has(row.old))
            this.add(
              ["data", key, row.index, reference.column],
              "tasks must not be their own ancestors: these refer to each other in a loop",
            );
      }
      if (this.issues.length || this.unlisted || !known.length) continue;
      const plan = run.plan;
      const column = plan.columns.find((candidate) => candidate.key === reference.column)!;
      await this.settle();
      await this.query(
        `UPDATE ${quoteIdent(plan.table)} AS t SET ${quoteIdent(column.name)} = v.target::${column.type}
           FROM unnest($1::text[], $2::text[]) AS v(id, target) WHERE t.id = v.id::${plan.idType}`,
        [known.map((row) => row.id), known.map((row) => run.ids.get(row.target)!.id)],
      );
    }
  }

  async finish(): Promise<TImportResult> {
    // Sections that came before what they refer to, in the order the export writes them.
    for (const { section } of SECTION_SHAPES) {
      const run = this.runs.get(section.key);
      if (!run?.held) continue;
      const held = run.held;
      run.held = undefined;
      for (const { index, value } of held) await this.takeRow(run, index, value);
      await this.endSection(section.key);
    }
    for (const key of ["format", "version", "exportedAt", "user"])
      if (!this.seenTop.has(key)) this.add([key], "required");
    if (this.archiveUserId === undefined) for (const path of this.ownersToCheck.values()) this.ownerIssue(path);
    // A batch the database refused is answered as such, as it would have been had the reading waited for it.
    await this.settle();
    if (this.issues.length || this.unlisted) throw refuse(this.issues, this.unlisted);
    await this.writeHeldRows();
    await this.settle();
    return this.result;
  }

  /** History naming a row the archive held further on follows it, else is cleared; then the rows held for it are written. */
  private async writeHeldRows() {
    for (const entry of this.laterHistory) {
      const fresh = this.anyNewId.get(entry.target);
      entry.row[entry.column] = fresh ?? null;
      if (!fresh) this.count(this.result.cleared, `${entry.section}.${entry.column}`);
    }
    for (const { section } of SECTION_SHAPES) {
      const run = this.runs.get(section.key);
      const rows = this.heldRows.get(section.key);
      if (!run || !rows) continue;
      for (const row of rows) await this.queue(run, row);
      await this.flush(run);
    }
  }
}

const assertEmpty = async (db: DbExecutor, userId: string) => {
  type Delegate = { findFirst: (args: object) => Promise<Row | null> };
  for (const { section } of SECTION_SHAPES.filter(({ section }) => isImported(section))) {
    const existing = await (section.model(db) as Delegate).findFirst({
      where: section.where(userId),
      select: { id: true },
    });
    if (existing) throw accountNotEmpty(section.key);
  }
};

const accountNotEmpty = (what: string) =>
  new ApiError("invalid_state", `This account already holds data (${what}); import needs an empty account.`);

/**
 * A section an import writes in which the account owns a row, for a second import that waited for the
 * lock: rows without an owner column (messages, assumptions) come with an owned parent of the archive.
 */
const OWNED_ROWS_SQL = `${SECTION_SHAPES.filter(({ section }) => isImported(section))
  .flatMap((shape) =>
    shape.ownerColumns.map((owner) => {
      const table = getTableConfig(shape.section.table as never).name;
      const column = shape.columns.find((candidate) => candidate.key === owner)!.name;
      return `(SELECT '${shape.section.key}' AS section FROM ${quoteIdent(table)} WHERE ${quoteIdent(column)} = $1::uuid LIMIT 1)`;
    }),
  )
  .join(" UNION ALL ")} LIMIT 1`;

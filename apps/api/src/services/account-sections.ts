import type { Table } from "drizzle-orm";

import { INSIGHT_SOURCES } from "@cto/contracts/api/memory";
import { MAX_ROUTINE_PROMPT_CHARS } from "@cto/contracts/api/routines";
import * as tables from "@cto/contracts/tables";
import { ZClockSchema, ZTimezoneSchema } from "@cto/contracts/time";
import type { DbExecutor } from "@cto/db/client";

export type TArchiveRow = Record<string, unknown>;
/** A problem with one column of one row; the archive validator prefixes the row's path. */
export type TRowIssue = { column: string; message: string };

/**
 * A column that names a row of another section without a foreign key: in the section its kind column
 * names (entity relationships' ends; it must be there), or a pointer in history (an audit log's
 * conversation or entity, in one section or `any`), which follows its row into the new account when
 * the archive holds it and is cleared otherwise (the row was deleted after the log was written).
 */
export type TLooseReference = { kindColumn: string; sections: Record<string, string> } | { history: string };

export type Section = {
  /** Key in the archive's `data`. */
  key: string;
  model: (db: DbExecutor) => unknown;
  /** The Drizzle table of the rows: columns, types, foreign keys and unique keys come from it. */
  table: Table;
  /** The rows of `userId`. `deletedAt: undefined` names the column so the soft-delete guard includes the trash. */
  where: (userId: string) => object;
  /** Columns never exported: credentials and one-time tokens stay behind. */
  omit?: string[];
  /**
   * Sign-in links, OAuth grants and queue jobs are exported for the record but not imported: they
   * must be made again (re-linked, re-scheduled by the worker).
   */
  imported?: false;
  /** Values an imported row gets whatever the archive says (links that must be made again). */
  importAs?: TArchiveRow;
  /** References without a foreign key (the foreign keys come from the table). */
  looseReferences?: Record<string, TLooseReference>;
  /** Uuid columns that are neither the id, a foreign key nor a reference (the Drizzle tables type them as text). */
  uuid?: string[];
  /** Foreign keys to posts that may name another user's published post (a like or reply on it). */
  publishedPostColumn?: string;
  /** Number ranges the database's CHECK constraints enforce, inclusive. */
  ranges?: Record<string, [number, number]>;
  /** NUMERIC(precision, scale) of decimal columns (the Drizzle tables do not carry them). */
  decimals?: Record<string, [number, number]>;
  /** Row-level CHECK constraints, on the parsed row (timestamps are Dates). */
  rules?: ((row: TArchiveRow) => TRowIssue | undefined)[];
};

const byUser = (userId: string) => ({ userId });
const withTrash = (userId: string) => ({ userId, deletedAt: undefined });
const ENTITY_SECTIONS = {
  PERSON: "people",
  PLACE: "places",
  EVENT: "events",
  TASK: "tasks",
  DEADLINE: "deadlines",
};
const IMPORTANCE: [number, number] = [1, 10];
const NON_NEGATIVE: [number, number] = [0, 2_147_483_647];
const after =
  (later: string, earlier: string, orEqual = false) =>
  (row: TArchiveRow) => {
    const [end, start] = [row[later], row[earlier]];
    if (!(end instanceof Date) || !(start instanceof Date)) return undefined;
    const ok = orEqual ? end >= start : end > start;
    return ok ? undefined : { column: later, message: `must be ${orEqual ? "at or " : ""}after ${earlier}` };
  };
const requiredWhen = (column: string, status: string, needed: string) => (row: TArchiveRow) =>
  row[column] === status && row[needed] == null
    ? { column: needed, message: `required when ${column} is ${status}` }
    : undefined;

const REPORT_DAYS: Record<string, number> = { TWO_DAY: 2, SEVEN_DAY: 7, TWENTY_ONE_DAY: 21 };
// A report covers its type's days, with three hours of slack either way for a DST change (reports_span_check).
const reportSpan = (row: TArchiveRow) => {
  const [start, end, days] = [row.periodStart, row.periodEnd, REPORT_DAYS[row.type as string]];
  if (!(start instanceof Date) || !(end instanceof Date) || !days) return undefined;
  const seconds = (end.getTime() - start.getTime()) / 1000;
  const fits = seconds > (days - 1) * 86_400 - 3 * 3600 && seconds <= days * 86_400 + 3 * 3600;
  return fits ? undefined : { column: "periodEnd", message: `a ${row.type as string} report spans ${days} days` };
};

/**
 * Everything Cto holds about a user, in an order where every row comes after the rows it refers to,
 * so an import can insert section by section. Sessions, API keys, password resets and verification
 * tokens are credentials, not data, and are not exported.
 */
export const ACCOUNT_SECTIONS: Section[] = [
  { key: "userContext", model: (db) => db.userContext, table: tables.UserContext, where: byUser },
  {
    key: "accounts",
    model: (db) => db.account,
    table: tables.Account,
    where: byUser,
    omit: ["access_token", "refresh_token", "id_token"],
    imported: false,
  },
  { key: "conversations", model: (db) => db.conversation, table: tables.Conversation, where: byUser },
  {
    key: "messages",
    model: (db) => db.message,
    table: tables.Message,
    where: (userId) => ({ conversation: { userId } }),
  },
  {
    key: "aiResponses",
    model: (db) => db.aiResponse,
    table: tables.AiResponse,
    where: byUser,
    decimals: { cost: [14, 8] },
    ranges: {
      tokenCount: NON_NEGATIVE,
      promptTokens: NON_NEGATIVE,
      completionTokens: NON_NEGATIVE,
      maxTokens: NON_NEGATIVE,
      latency: NON_NEGATIVE,
      cost: [0, 999_999],
      temperature: [0, Number.MAX_VALUE],
    },
  },
  {
    key: "insights",
    model: (db) => db.insight,
    table: tables.Insight,
    where: byUser,
    decimals: { confidence: [3, 2] },
    ranges: { confidence: [0, 1] },
    rules: [
      // Left out, the column's default ("user") applies, as for any column with one.
      (row) =>
        row.source === undefined || (INSIGHT_SOURCES as readonly string[]).includes(row.source as string)
          ? undefined
          : { column: "source", message: `must be one of ${INSIGHT_SOURCES.join(", ")}` },
    ],
  },
  { key: "goals", model: (db) => db.goal, table: tables.Goal, where: byUser, ranges: { progress: [0, 100] } },
  { key: "commitments", model: (db) => db.commitment, table: tables.Commitment, where: byUser },
  {
    key: "emotions",
    model: (db) => db.emotion,
    table: tables.Emotion,
    where: byUser,
    ranges: { intensity: [1, 10] },
  },
  {
    key: "energyMetrics",
    model: (db) => db.energyMetric,
    table: tables.EnergyMetric,
    where: byUser,
    ranges: { level: [1, 10] },
  },
  {
    key: "consistencyMetrics",
    model: (db) => db.consistencyMetric,
    table: tables.ConsistencyMetric,
    where: byUser,
    decimals: { score: [5, 2] },
    ranges: { score: [0, 100], windowDays: [1, 2_147_483_647] },
    rules: [after("periodEnd", "periodStart")],
  },
  {
    key: "reports",
    model: (db) => db.report,
    table: tables.Report,
    where: byUser,
    rules: [after("periodEnd", "periodStart"), reportSpan],
  },
  {
    key: "analysisSessions",
    model: (db) => db.analysisSession,
    table: tables.AnalysisSession,
    where: withTrash,
    rules: [
      (row) =>
        row.ocrResult == null || Array.isArray(row.ocrResult)
          ? undefined
          : { column: "ocrResult", message: "must be an array or null" },
    ],
  },
  {
    key: "analysisMessages",
    model: (db) => db.analysisMessage,
    table: tables.AnalysisMessage,
    where: (userId) => ({ analysisSession: { userId, deletedAt: undefined } }),
  },
  {
    key: "messageInteractions",
    model: (db) => db.messageInteraction,
    table: tables.MessageInteraction,
    where: byUser,
  },
  {
    key: "posts",
    model: (db) => db.post,
    table: tables.Post,
    where: (userId) => ({ authorId: userId }),
    rules: [requiredWhen("status", "PUBLISHED", "publishedAt")],
  },
  { key: "likes", model: (db) => db.like, table: tables.Like, where: byUser, publishedPostColumn: "postId" },
  {
    key: "replies",
    model: (db) => db.reply,
    table: tables.Reply,
    where: (userId) => ({ authorId: userId }),
    publishedPostColumn: "postId",
  },
  { key: "stories", model: (db) => db.story, table: tables.Story, where: byUser },
  {
    key: "people",
    model: (db) => db.person,
    table: tables.Person,
    where: withTrash,
    ranges: { importance: IMPORTANCE },
  },
  {
    key: "places",
    model: (db) => db.place,
    table: tables.Place,
    where: withTrash,
    decimals: { latitude: [10, 8], longitude: [11, 8] },
    ranges: { latitude: [-90, 90], longitude: [-180, 180] },
  },
  {
    key: "events",
    model: (db) => db.event,
    table: tables.Event,
    where: withTrash,
    rules: [after("endsAt", "startsAt", true)],
    // Connected calendars are not imported: their events come in as the user's own.
    importAs: { connectedAccountId: null, upstreamObject: null, upstreamKey: null },
  },
  {
    key: "tasks",
    model: (db) => db.task,
    table: tables.Task,
    where: withTrash,
    ranges: { estimatedMinutes: NON_NEGATIVE, actualMinutes: NON_NEGATIVE },
  },
  {
    key: "deadlines",
    model: (db) => db.deadline,
    table: tables.Deadline,
    where: withTrash,
    ranges: { importance: IMPORTANCE },
  },
  // The worker reads a routine's schedule every minute: an archive's must be one the API would accept.
  {
    key: "routines",
    model: (db) => db.routine,
    table: tables.Routine,
    where: byUser,
    rules: [
      (row) => {
        const days = row.days;
        const valid =
          Array.isArray(days) &&
          days.length >= 1 &&
          days.every((day) => Number.isInteger(day) && day >= 1 && day <= 7) &&
          new Set(days).size === days.length;
        return valid ? undefined : { column: "days", message: "must be 1 to 7 distinct ISO weekdays (1 = Monday)" };
      },
      (row) => (ZClockSchema.safeParse(row.time).success ? undefined : { column: "time", message: "must be HH:MM" }),
      (row) =>
        row.timezone == null || ZTimezoneSchema.safeParse(row.timezone).success
          ? undefined
          : { column: "timezone", message: "must be an IANA timezone" },
      (row) =>
        typeof row.prompt === "string" && row.prompt.trim() && row.prompt.length <= MAX_ROUTINE_PROMPT_CHARS
          ? undefined
          : { column: "prompt", message: `must be 1 to ${MAX_ROUTINE_PROMPT_CHARS} characters` },
    ],
  },
  {
    key: "reminderSchedules",
    model: (db) => db.reminderSchedule,
    table: tables.ReminderSchedule,
    where: byUser,
    imported: false,
  },
  {
    key: "entityRelationships",
    model: (db) => db.entityRelationship,
    table: tables.EntityRelationship,
    where: byUser,
    ranges: { strength: IMPORTANCE },
    looseReferences: {
      sourceId: { kindColumn: "sourceType", sections: ENTITY_SECTIONS },
      targetId: { kindColumn: "targetType", sections: ENTITY_SECTIONS },
    },
    rules: [
      (row) =>
        row.sourceType === row.targetType && row.sourceId === row.targetId
          ? { column: "targetId", message: "an entity cannot be related to itself" }
          : undefined,
    ],
  },
  {
    key: "auditLogs",
    model: (db) => db.auditLog,
    table: tables.AuditLog,
    where: byUser,
    decimals: { confidence: [3, 2] },
    ranges: { confidence: [0, 1], durationMs: NON_NEGATIVE },
    // The auth session of the time is not exported (credentials), so that link cannot be kept.
    importAs: { sessionId: null },
    uuid: ["sessionId"],
    looseReferences: { conversationId: { history: "conversations" }, entityId: { history: "any" } },
  },
  {
    key: "agentAssumptions",
    model: (db) => db.agentAssumption,
    table: tables.AgentAssumption,
    where: (userId) => ({ auditLog: { userId } }),
    decimals: { confidence: [3, 2] },
    ranges: { confidence: [0, 1] },
  },
  {
    key: "connectedAccounts",
    model: (db) => db.connectedAccount,
    table: tables.ConnectedAccount,
    where: byUser,
    omit: ["accessToken", "refreshToken"],
    imported: false,
  },
  // A chat can be linked to one account only: the imported connection waits to be linked again.
  {
    key: "telegramConnection",
    model: (db) => db.telegramConnection,
    table: tables.TelegramConnection,
    where: byUser,
    omit: ["connectionToken", "connectionTokenExpiresAt"],
    importAs: { telegramChatId: null, isActive: false, connectedAt: null },
  },
  {
    key: "proactiveMessages",
    model: (db) => db.proactiveMessage,
    table: tables.ProactiveMessage,
    where: byUser,
    importAs: { dedupeKey: null },
    ranges: { attempts: NON_NEGATIVE },
    rules: [requiredWhen("status", "SENT", "sentAt")],
  },
];

export const isImported = (section: Section) => section.imported !== false;

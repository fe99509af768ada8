import type { z } from "zod";

import {
  canTransition,
  ZAnalysisSessionFiltersSchema,
  ZCreateAnalysisSessionSchema,
  ZUpdateAnalysisSessionSchema,
  type ZTransitionSchema,
} from "@cto/contracts/api/analysis";
import { Prisma, type Db, type DbExecutor } from "@cto/db/client";

import { ApiError, notFound } from "../../errors.ts";
import { log } from "../../log.ts";
import { syncOwnerEmbeddings } from "../embeddings.ts";
import { resourceService, type ModelDelegate, type TAfterWrite } from "../resource.ts";
import { findOwned } from "../rows.ts";
import { screenshotKey } from "./screenshot.ts";

/** A session of the caller's that is not in the trash; anything else is "not found". */
export const findOwnedSession = (db: DbExecutor, userId: string, id: string) =>
  findOwned(db.analysisSession, { id, userId, noun: "analysis session" });

/** A session as it is now, after a write that moved it (the caller's, just checked). */
export const readSession = (db: DbExecutor, id: string) => db.analysisSession.findFirstOrThrow({ where: { id } });

/** Only the caller's own interactions count: the derived flags describe what *you* did with a message. */
export const withInteractions = (userId: string) =>
  ({ interactions: { where: { userId }, select: { type: true } } }) as const;

/**
 * A message in one of the caller's live sessions. The soft-delete guard only sees top-level filters,
 * so the session's deletedAt is named here: a trashed session's messages are out of reach too.
 */
export const findOwnedMessage = async (db: DbExecutor, userId: string, id: string) => {
  const message = await db.analysisMessage.findFirst({
    where: { id, analysisSession: { userId, deletedAt: null } },
    include: withInteractions(userId),
  });
  if (!message) throw notFound("analysis message");
  return message;
};

/** 001 §3.4: lastActivity moves on a new message, on reaching complete and on any interaction. */
export const touchSession = (db: DbExecutor, id: string, at = new Date()) =>
  db.analysisSession.update({ where: { id }, data: { lastActivity: at }, select: { id: true } });

type Args = Record<string, unknown>;

/**
 * The service's trash and restore write only `deletedAt`; 001 keeps `isActive` in step with it (false
 * in the trash, true again once restored), so every write that sets `deletedAt` sets `isActive` too.
 */
const sessionsKeepingIsActive = (db: DbExecutor): ModelDelegate => {
  const sessions = db.analysisSession;
  const withIsActive = ({ data, ...rest }: Args & { data: Args }) =>
    "deletedAt" in data ? { ...rest, data: { ...data, isActive: data.deletedAt === null } } : { ...rest, data };
  return {
    $name: (sessions as ModelDelegate).$name,
    findMany: (args) => sessions.findMany(args as Prisma.AnalysisSessionFindManyArgs),
    findFirst: (args) => sessions.findFirst(args as Prisma.AnalysisSessionFindFirstArgs),
    create: (args) => sessions.create(args as Prisma.AnalysisSessionCreateArgs),
    update: (args) => sessions.update(withIsActive(args as Args & { data: Args }) as Prisma.AnalysisSessionUpdateArgs),
    delete: (args) => sessions.delete(args as Prisma.AnalysisSessionDeleteArgs),
  };
};

/**
 * A permanently deleted session takes its screenshot with it (the trash keeps it, for a restore).
 * The row is already gone, so a storage failure is logged for clean-up rather than answered.
 */
const deleteScreenshot: TAfterWrite = async ({ storage, logger = log, event, row }) => {
  if (event !== "delete" || row.type !== "SCREENSHOT") return;
  if (!storage) throw new Error("deleting a screenshot session needs the uploads' storage");
  const key = screenshotKey({ id: String(row.id), userId: String(row.userId) });
  await storage
    .delete(key)
    .catch((error: unknown) => logger.warn({ err: error, key }, "could not delete an uploaded file"));
};

/** A session in the trash takes its messages out of search with it; a restored one brings them back. */
const syncMessageEmbeddings: TAfterWrite = async ({ row, ...write }) => {
  if (write.event !== "trash" && write.event !== "restore") return;
  const messages = await write.db.analysisMessage.findMany({
    where: { analysisSessionId: row.id },
    select: { id: true },
  });
  await syncOwnerEmbeddings({
    ...write,
    ownerKind: "ANALYSIS_MESSAGE",
    ownerIds: messages.map((message) => message.id),
  });
};

export const analysisSessionService = resourceService({
  name: "analysis sessions",
  model: sessionsKeepingIsActive,
  create: ZCreateAnalysisSessionSchema,
  update: ZUpdateAnalysisSessionSchema,
  filters: ZAnalysisSessionFiltersSchema,
  where: ({ status, type, pinned }) => ({
    status,
    type,
    ...(pinned === undefined ? {} : { isPinned: pinned === "true" }),
  }),
  sorts: { lastActivity: [{ lastActivity: "desc" }], createdAt: [{ createdAt: "desc" }] },
  softDelete: true,
  afterWrite: [deleteScreenshot, syncMessageEmbeddings],
});

/** Moves a session along its state machine; 409 for a move the machine does not allow or a session that changed meanwhile. */
export const transitionSession = async ({
  db,
  userId,
  id,
  to,
}: {
  db: Db;
  userId: string;
  id: string;
  to: z.output<typeof ZTransitionSchema>["status"];
}) => {
  const session = await findOwnedSession(db, userId, id);
  const from = session.status;
  if (!canTransition(session.type, from, to))
    throw new ApiError(
      "invalid_state",
      `A ${session.type.toLowerCase()} session cannot move from ${from.toLowerCase()} to ${to.toLowerCase()}.`,
    );
  if (from === "VERIFYING_OCR" && to === "ANALYSIS_IN_PROGRESS" && session.ocrResult !== null)
    throw new ApiError(
      "invalid_state",
      "Confirm the OCR result first (POST /analysis-sessions/{id}/ocr-result/confirm).",
    );
  const data: Prisma.AnalysisSessionUpdateManyMutationInput = {
    status: to,
    ...(to === "COMPLETE" ? { lastActivity: new Date() } : {}),
    // A retry starts over: the failed attempt's OCR output is not the user's to confirm any more.
    ...(to === "PENDING_USER_INPUT" ? { ocrResult: Prisma.DbNull } : {}),
  };
  // Conditional on the status read above, so two racing transitions cannot both win.
  const { count } = await db.analysisSession.updateMany({ where: { id, status: from, deletedAt: null }, data });
  if (!count) throw new ApiError("invalid_state", "The session changed meanwhile; read it again.");
  return readSession(db, id);
};

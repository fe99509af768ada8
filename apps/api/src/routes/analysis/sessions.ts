import { createRoute } from "@hono/zod-openapi";

import { canTransition, ZAnalysisSessionFiltersSchema, ZAnalysisSessionSchema, ZCreateAnalysisSessionSchema, ZTransitionSchema, ZUpdateAnalysisSessionSchema } from "@cto/contracts/api/analysis";
import { AnalysisSession } from "@cto/contracts/tables";
import { Prisma, type Db } from "@cto/db/client";

import { ApiError } from "../../errors.ts";
import { errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { syncEmbeddings } from "../../lib/embedding-hooks.ts";
import { resourceRoutes, type ModelDelegate, type TAfterWrite } from "../../lib/resource.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { screenshotKey } from "../../services/analysis/screenshot.ts";
import { findOwnedSession, serializeSession } from "./shared.ts";

type Args = Record<string, unknown>;

/**
 * The factory's trash and restore write only `deletedAt`; 001 keeps `isActive` in step with it (false
 * in the trash, true again once restored), so every write that sets `deletedAt` sets `isActive` too.
 */
const sessionsKeepingIsActive = (db: Db): ModelDelegate => {
  const sessions = db.analysisSession;
  const withIsActive = ({ data, ...rest }: Args & { data: Args }) => ("deletedAt" in data ? { ...rest, data: { ...data, isActive: data.deletedAt === null } } : { ...rest, data });
  return {
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
const deleteScreenshot: TAfterWrite = async ({ c, event, row }) => {
  if (event !== "delete" || row.type !== "SCREENSHOT") return;
  const key = screenshotKey({ id: String(row.id), userId: String(row.userId) });
  await c.get("storage").delete(key).catch((error: unknown) => c.var.logger.warn({ err: error, key }, "could not delete an uploaded file"));
};

/** A session in the trash takes its messages out of search with it; a restored one brings them back. */
const syncMessageEmbeddings: TAfterWrite = async ({ c, db, userId, event, row }) => {
  if (event !== "trash" && event !== "restore") return;
  const messages = await db.analysisMessage.findMany({ where: { analysisSessionId: row.id }, select: { id: true } });
  await syncEmbeddings({ c, db, userId, ownerKind: "ANALYSIS_MESSAGE", ownerIds: messages.map((message) => message.id), event });
};

export const analysisSessionRoutes = resourceRoutes({
  name: "analysis sessions",
  tag: "Analysis sessions",
  model: sessionsKeepingIsActive,
  table: AnalysisSession,
  create: ZCreateAnalysisSessionSchema,
  update: ZUpdateAnalysisSessionSchema,
  filters: ZAnalysisSessionFiltersSchema,
  where: ({ status, type, pinned }) => ({ status, type, ...(pinned === undefined ? {} : { isPinned: pinned === "true" }) }),
  sorts: { lastActivity: [{ lastActivity: "desc" }], createdAt: [{ createdAt: "desc" }] },
  softDelete: true,
  afterWrite: [deleteScreenshot, syncMessageEmbeddings],
}).openapi(
  createRoute({
    method: "post", path: "/{id}/transition", tags: ["Analysis sessions"], summary: "Move a session along its state machine (see the status description)", security: SECURITY, middleware: requireAuth,
    request: { params: ZIdParamsSchema, body: { required: true, content: { "application/json": { schema: ZTransitionSchema } } } },
    responses: { 200: jsonContent(ZAnalysisSessionSchema, "Moved"), ...errorResponses(403, 404, 409, 415) },
  }),
  async (c) => {
    const db = c.get("db");
    const { id } = c.req.valid("param");
    const { status: to } = c.req.valid("json");
    const session = await findOwnedSession(db, c.get("auth").userId, id);
    const from = session.status;
    if (!canTransition(session.type, from, to)) throw new ApiError("invalid_state", `A ${session.type.toLowerCase()} session cannot move from ${from.toLowerCase()} to ${to.toLowerCase()}.`);
    if (from === "VERIFYING_OCR" && to === "ANALYSIS_IN_PROGRESS" && session.ocrResult !== null) throw new ApiError("invalid_state", "Confirm the OCR result first (POST /analysis-sessions/{id}/ocr-result/confirm).");
    const data: Prisma.AnalysisSessionUpdateManyMutationInput = {
      status: to,
      ...(to === "COMPLETE" ? { lastActivity: new Date() } : {}),
      // A retry starts over: the failed attempt's OCR output is not the user's to confirm any more.
      ...(to === "PENDING_USER_INPUT" ? { ocrResult: Prisma.DbNull } : {}),
    };
    // Conditional on the status read above, so two racing transitions cannot both win.
    const { count } = await db.analysisSession.updateMany({ where: { id, status: from, deletedAt: null }, data });
    if (!count) throw new ApiError("invalid_state", "The session changed meanwhile; read it again.");
    return c.json(serializeSession(await db.analysisSession.findFirstOrThrow({ where: { id } })), 200);
  },
);

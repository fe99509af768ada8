import type { TOcrItem } from "@cto/contracts/api/analysis";
import type { Db, Prisma } from "@cto/db/client";

const OCR_AUDIT = {
  actionType: "analyze",
  actionCategory: "agent",
  entityType: "analysis_session",
  intent: "Read the chat screenshot (OCR)",
} as const;

/** One OCR run of the user's analysis session, begun at `startedAt`. */
type TOcrRun = { db: Db; userId: string; analysisSessionId: string; startedAt: Date };

/**
 * Moves the session on from analysis with `data`, and records the OCR run with `audit`, in one
 * transaction. Conditional on the session still being in analysis (and not trashed): false, and
 * nothing written, when it is not.
 */
const leaveAnalysis = ({
  db,
  userId,
  analysisSessionId,
  startedAt,
  data,
  audit,
}: TOcrRun & {
  data: Prisma.AnalysisSessionUpdateManyMutationInput;
  audit: Pick<Prisma.AuditLogUncheckedCreateInput, "outputSummary" | "status" | "errorMessage" | "metadata">;
}) =>
  db.$transaction(async (tx) => {
    const { count } = await tx.analysisSession.updateMany({
      where: { id: analysisSessionId, userId, status: "ANALYSIS_IN_PROGRESS", deletedAt: null },
      data,
    });
    if (!count) return false;
    await tx.auditLog.create({
      data: {
        ...OCR_AUDIT,
        userId,
        entityId: analysisSessionId,
        ...audit,
        startedAt,
        completedAt: new Date(),
        durationMs: Date.now() - startedAt.getTime(),
      },
    });
    return true;
  });

/**
 * The OCR result waits on the session for the user's check. Conditional on the session still being
 * in analysis (and not trashed), so a job that runs twice, or late, changes nothing the second time.
 */
export const storeOcrResult = async ({
  db,
  userId,
  analysisSessionId,
  items,
  startedAt,
}: TOcrRun & { items: TOcrItem[] }) =>
  leaveAnalysis({
    db,
    userId,
    analysisSessionId,
    startedAt,
    data: { status: "VERIFYING_OCR", ocrResult: items },
    audit: {
      outputSummary: `${items.length} messages recognised`,
      metadata: { items: items.length, authors: items.map((item) => item.author) },
    },
  });

/**
 * The session goes to error with a message for the user (kept in the audit log, which the API's
 * OCR status route reads). The image stays in storage, so a retry needs no new upload.
 */
export const markOcrFailed = async ({
  db,
  userId,
  analysisSessionId,
  message,
  detail,
  startedAt,
}: TOcrRun & { message: string; detail?: string }) =>
  leaveAnalysis({
    db,
    userId,
    analysisSessionId,
    startedAt,
    data: { status: "ERROR" },
    audit: { status: "failed", errorMessage: message, metadata: detail ? { detail } : {} },
  });

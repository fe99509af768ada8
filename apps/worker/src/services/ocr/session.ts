import type { TOcrItem } from "@cto/contracts/api/analysis";
import type { Db } from "@cto/db/client";

const OCR_AUDIT = {
  actionType: "analyze",
  actionCategory: "agent",
  entityType: "analysis_session",
  intent: "Read the chat screenshot (OCR)",
} as const;

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
}: {
  db: Db;
  userId: string;
  analysisSessionId: string;
  items: TOcrItem[];
  startedAt: Date;
}) =>
  db.$transaction(async (tx) => {
    const { count } = await tx.analysisSession.updateMany({
      where: { id: analysisSessionId, userId, status: "ANALYSIS_IN_PROGRESS", deletedAt: null },
      data: { status: "VERIFYING_OCR", ocrResult: items },
    });
    if (!count) return false;
    await tx.auditLog.create({
      data: {
        ...OCR_AUDIT,
        userId,
        entityId: analysisSessionId,
        outputSummary: `${items.length} messages recognised`,
        metadata: { items: items.length, authors: items.map((item) => item.author) },
        startedAt,
        completedAt: new Date(),
        durationMs: Date.now() - startedAt.getTime(),
      },
    });
    return true;
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
}: {
  db: Db;
  userId: string;
  analysisSessionId: string;
  message: string;
  detail?: string;
  startedAt: Date;
}) =>
  db.$transaction(async (tx) => {
    const { count } = await tx.analysisSession.updateMany({
      where: { id: analysisSessionId, userId, status: "ANALYSIS_IN_PROGRESS", deletedAt: null },
      data: { status: "ERROR" },
    });
    if (!count) return false;
    await tx.auditLog.create({
      data: {
        ...OCR_AUDIT,
        userId,
        entityId: analysisSessionId,
        status: "failed",
        errorMessage: message,
        metadata: detail ? { detail } : {},
        startedAt,
        completedAt: new Date(),
        durationMs: Date.now() - startedAt.getTime(),
      },
    });
    return true;
  });

import { canTransition } from "@cto/contracts/api/analysis";
import { ocrJobId } from "@cto/contracts/queues";
import { Prisma, type AnalysisSession, type AnalysisSessionStatus, type Db, type DbExecutor } from "@cto/db/client";
import type { TQueues } from "@cto/queue/queues";
import { isStorageError } from "@cto/storage/errors";
import type { TImageInfo } from "@cto/storage/image";
import type { TStorage } from "@cto/storage/storage";

import { ApiError } from "../../errors.ts";

/** An uploaded screenshot the route has read and checked (routes/analysis/screenshot-upload.ts). */
export type TScreenshotUpload = { bytes: Uint8Array; image: TImageInfo };

/** Made from ids the server chose, never from anything the client sent; one object per session. */
export const screenshotKey = (session: Pick<AnalysisSession, "id" | "userId">) =>
  `screenshots/${session.userId}/${session.id}`;
export const screenshotPath = (sessionId: string) => `/analysis-sessions/${sessionId}/screenshot`;

/** The states 001 passes through between choosing an image and reading it; each step is the state machine's. */
const UPLOAD_PATH: Partial<Record<AnalysisSessionStatus, AnalysisSessionStatus[]>> = {
  PENDING_USER_INPUT: ["PREVIEWING_SCREENSHOT", "UPLOADING", "ANALYSIS_IN_PROGRESS"],
  PREVIEWING_SCREENSHOT: ["UPLOADING", "ANALYSIS_IN_PROGRESS"],
  // A previous upload that died between claiming and finishing can be done again.
  UPLOADING: ["ANALYSIS_IN_PROGRESS"],
};
const allowed = (session: AnalysisSession, path: AnalysisSessionStatus[] | undefined) =>
  path?.every((to, i) => canTransition(session.type, i === 0 ? session.status : path[i - 1]!, to));

const unavailable = (what: string) => new ApiError("service_unavailable", what);

const OCR_AUDIT = {
  actionType: "analyze",
  actionCategory: "agent",
  entityType: "analysis_session",
  intent: "Read the chat screenshot (OCR)",
} as const;
/**
 * "queued" is written before the job is added (the worker may finish before the API could write
 * after it) and "cancelled" when adding it failed; the worker writes "completed" or "failed".
 */
const recordOcr = (db: DbExecutor, session: AnalysisSession, status: "queued" | "cancelled") =>
  db.auditLog.create({
    data: { ...OCR_AUDIT, userId: session.userId, entityId: session.id, status },
    select: { id: true },
  });

/** Checks that need no body: the session can take a screenshot now, and the OCR queue exists. */
export const assertCanUpload = (session: AnalysisSession, queues: TQueues | null) => {
  if (session.type !== "SCREENSHOT")
    throw new ApiError("invalid_state", "Only screenshot sessions take a screenshot; this one is a text session.");
  if (!allowed(session, UPLOAD_PATH[session.status]))
    throw new ApiError(
      "invalid_state",
      `A screenshot can be uploaded while the session is pending_user_input or previewing_screenshot; it is ${session.status.toLowerCase()}.`,
    );
  // Without Redis no worker would ever read the image: refuse before anything is stored.
  if (!queues)
    throw unavailable(
      "Screenshot analysis needs the job queue (Redis), which is not available; nothing was stored. Try again later.",
    );
};

const enqueueOcr = async (queues: TQueues, session: AnalysisSession, queuedAt: Date) => {
  // An id per move into analysis (BullMQ keeps completed ids for a day and would ignore a repeat), the
  // one the worker's ocr/sweep derives from the row when Redis lost this job in a failover.
  const { id } = await queues.enqueue(
    "ocr",
    "recognize",
    { userId: session.userId, analysisSessionId: session.id, storageKey: screenshotKey(session) },
    { jobId: ocrJobId(session.id, queuedAt) },
  );
  return id;
};

/**
 * Claims the session (→ uploading), stores the image, then moves it to analysis_in_progress and
 * queues the OCR. Each failure puts the session back where it was: a storage or queue outage
 * answers 503 and leaves no session pointing at an image that is not there or a job that never ran.
 */
export const acceptScreenshot = async ({
  db,
  storage,
  queues,
  session,
  upload,
}: {
  db: Db;
  storage: TStorage;
  queues: TQueues;
  session: AnalysisSession;
  upload: TScreenshotUpload;
}) => {
  const { id } = session;
  const claimed = await db.analysisSession.updateMany({
    where: { id, status: session.status, updatedAt: session.updatedAt, deletedAt: null },
    data: { status: "UPLOADING" },
  });
  if (!claimed.count) throw new ApiError("invalid_state", "The session changed meanwhile; read it again.");
  const revert = (from: AnalysisSessionStatus) =>
    db.analysisSession.updateMany({
      where: { id, status: from },
      data: { status: session.status, screenshotUrl: session.screenshotUrl },
    });

  try {
    await storage.put(screenshotKey(session), upload.bytes, { contentType: upload.image.contentType });
  } catch {
    await revert("UPLOADING");
    throw unavailable("The screenshot could not be stored; nothing was changed. Try again shortly.");
  }
  const queuedAt = new Date();
  const finished = await db.$transaction(async (tx) => {
    const { count } = await tx.analysisSession.updateMany({
      where: { id, status: "UPLOADING", deletedAt: null },
      data: {
        status: "ANALYSIS_IN_PROGRESS",
        screenshotUrl: screenshotPath(id),
        ocrResult: Prisma.DbNull,
        lastActivity: queuedAt,
      },
    });
    if (count) await recordOcr(tx, session, "queued");
    return count;
  });
  if (!finished)
    throw new ApiError("invalid_state", "The session changed while the screenshot was uploading; read it again.");
  try {
    return await enqueueOcr(queues, session, queuedAt);
  } catch {
    await revert("ANALYSIS_IN_PROGRESS");
    await recordOcr(db, session, "cancelled");
    throw unavailable("The screenshot could not be queued for reading; nothing was changed. Try again shortly.");
  }
};

/** error → (pending → previewing → uploading →) analysis_in_progress with the stored image, OCR queued again. */
export const retryOcr = async ({
  db,
  storage,
  queues,
  session,
}: {
  db: Db;
  storage: TStorage;
  queues: TQueues | null;
  session: AnalysisSession;
}) => {
  if (session.type !== "SCREENSHOT" || session.status !== "ERROR")
    throw new ApiError(
      "invalid_state",
      `Only a screenshot session in error can retry its OCR; it is ${session.type.toLowerCase()}, ${session.status.toLowerCase()}.`,
    );
  if (!queues) throw unavailable("Retrying needs the job queue (Redis), which is not available. Try again later.");
  await storage.get(screenshotKey(session)).catch((error: unknown) => {
    throw (error as { code?: string }).code === "not_found"
      ? new ApiError(
          "invalid_state",
          "This session has no stored screenshot; upload one (after moving it to pending_user_input).",
        )
      : unavailable("The stored screenshot cannot be read right now. Try again shortly.");
  });
  const queuedAt = new Date();
  const moved = await db.$transaction(async (tx) => {
    const { count } = await tx.analysisSession.updateMany({
      where: { id: session.id, status: "ERROR", deletedAt: null },
      data: { status: "ANALYSIS_IN_PROGRESS", ocrResult: Prisma.DbNull, lastActivity: queuedAt },
    });
    if (count) await recordOcr(tx, session, "queued");
    return count;
  });
  if (!moved) throw new ApiError("invalid_state", "The session changed meanwhile; read it again.");
  try {
    return await enqueueOcr(queues, session, queuedAt);
  } catch {
    await db.analysisSession.updateMany({
      where: { id: session.id, status: "ANALYSIS_IN_PROGRESS" },
      data: { status: "ERROR" },
    });
    await recordOcr(db, session, "cancelled");
    throw unavailable("The OCR could not be queued; the session stays in error. Try again shortly.");
  }
};

/**
 * Where the OCR stands, from the session's OCR audit entries: pending while the newest is "queued"
 * and the session is still in analysis; the last attempt is the newest run the worker finished.
 */
export const ocrProgress = async (db: Db, session: AnalysisSession) => {
  const where = { userId: session.userId, entityType: "analysis_session", entityId: session.id, actionType: "analyze" };
  const newestFirst = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const [latest, finished] = await Promise.all([
    db.auditLog.findFirst({ where, orderBy: newestFirst, select: { status: true } }),
    db.auditLog.findFirst({ where: { ...where, status: { in: ["completed", "failed"] } }, orderBy: newestFirst }),
  ]);
  return {
    pending: latest?.status === "queued" && session.status === "ANALYSIS_IN_PROGRESS",
    lastAttempt: finished
      ? {
          ok: finished.status === "completed",
          message: finished.status === "failed" ? finished.errorMessage : null,
          at: finished.createdAt.getTime(),
        }
      : null,
  };
};

/** Where the session's OCR stands: its status, whether this API stored its screenshot, and the progress above. */
export const ocrStatus = async (db: Db, session: AnalysisSession) => {
  // screenshotUrl can also be set by hand (PATCH); only the upload route's own URL means an image is stored here.
  const hasScreenshot = session.type === "SCREENSHOT" && session.screenshotUrl === screenshotPath(session.id);
  return { status: session.status.toLowerCase(), hasScreenshot, ...(await ocrProgress(db, session)) };
};

/** The session's stored screenshot: 404 when none was uploaded, 503 when storage cannot be read. */
export const readScreenshot = (storage: TStorage, session: AnalysisSession) =>
  storage.get(screenshotKey(session)).catch((error: unknown) => {
    if (isStorageError(error, "not_found"))
      throw new ApiError("not_found", "No screenshot has been uploaded for this session.");
    throw new ApiError("service_unavailable", "The screenshot cannot be read right now; try again shortly.");
  });

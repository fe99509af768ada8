import { OCR_AUTHOR, ZOcrResultSchema, type TOcrItem } from "@cto/contracts/api/analysis";
import { Prisma, type Db } from "@cto/db/client";

import { ApiError } from "../../errors.ts";
import type { TDeps } from "../deps.ts";
import { syncOwnerEmbeddings } from "../embeddings.ts";
import { labelSentiments } from "./sentiment.ts";
import { findOwnedSession, readSession, withInteractions } from "./sessions.ts";

/** OCR output waits on the session for the user's check (001 §3.3), then becomes messages. */

const notVerifying = (status: string) =>
  new ApiError(
    "invalid_state",
    `The OCR result can only be changed or confirmed while the session is verifying_ocr; it is ${status.toLowerCase()}.`,
  );

/** Stores (replaces) the OCR result awaiting the user's check; only while the session is verifying_ocr. */
export const storeOcrResult = async ({
  db,
  userId,
  id,
  items,
}: {
  db: Db;
  userId: string;
  id: string;
  items: TOcrItem[];
}) => {
  const session = await findOwnedSession(db, userId, id);
  if (session.status !== "VERIFYING_OCR") throw notVerifying(session.status);
  const { count } = await db.analysisSession.updateMany({
    where: { id, status: "VERIFYING_OCR", deletedAt: null },
    data: { ocrResult: items },
  });
  if (!count) throw notVerifying("changed meanwhile");
  return readSession(db, id);
};

/**
 * The OCR result's items (or the corrected ones) become the session's messages, ocrResult is cleared
 * and the analysis starts; the new messages are embedded as the user's memory like any they add. The AI
 * provider labels their sentiment first, all in one call (bounded; unlabelled when it fails).
 */
export const confirmOcrResult = async ({
  userId,
  id,
  corrected,
  ...deps
}: TDeps & { userId: string; id: string; corrected: TOcrItem[] | undefined }) => {
  const { db } = deps;
  const session = await findOwnedSession(db, userId, id);
  if (session.status !== "VERIFYING_OCR") throw notVerifying(session.status);
  const stored = ZOcrResultSchema.safeParse(session.ocrResult);
  const items = corrected ?? (session.ocrResult === null ? undefined : stored.data);
  if (!items) throw new ApiError("invalid_state", "There is no OCR result to confirm; PUT one or send the items.");

  const sentiments = await labelSentiments(
    deps,
    items.map((item) => item.text),
  );
  const now = Date.now();
  const result = await db.$transaction(async (tx) => {
    // Same guard as the transition: a concurrent confirm or transition makes this one a no-op.
    const { count } = await tx.analysisSession.updateMany({
      where: { id, status: "VERIFYING_OCR", deletedAt: null },
      data: { ocrResult: Prisma.DbNull, status: "ANALYSIS_IN_PROGRESS", lastActivity: new Date(now) },
    });
    if (!count) throw notVerifying("changed meanwhile");
    // One millisecond apart, ending now, so the chat reads back in the order the OCR saw it.
    const data = items.map((item, index) => ({
      analysisSessionId: id,
      text: item.text,
      author: OCR_AUTHOR[item.author],
      sentiment: sentiments[index] ?? null,
      timestamp: new Date(now - (items.length - 1 - index)),
    }));
    const created = await tx.analysisMessage.createManyAndReturn({ data, select: { id: true } });
    const messages = await tx.analysisMessage.findMany({
      where: { analysisSessionId: id },
      orderBy: [{ timestamp: "asc" }, { id: "asc" }],
      include: withInteractions(userId),
    });
    return { session: await tx.analysisSession.findFirstOrThrow({ where: { id } }), messages, created };
  });
  // The confirmed chat is the user's memory like any message they add (trashing the session takes it out again).
  await syncOwnerEmbeddings({
    ...deps,
    userId,
    ownerKind: "ANALYSIS_MESSAGE",
    ownerIds: result.created.map((message) => message.id),
    event: "create",
  });
  return { session: result.session, messages: result.messages };
};

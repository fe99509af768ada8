import type { z } from "zod";

import type {
  ZAnalysisMessageFiltersSchema,
  ZCreateAnalysisMessageSchema,
  ZUpdateAnalysisMessageSchema,
} from "@cto/contracts/api/analysis";
import type { Db, InteractionType } from "@cto/db/client";

import { readPage } from "../../lib/pagination.ts";
import type { TDeps } from "../deps.ts";
import { syncOwnerEmbeddings } from "../embeddings.ts";
import { labelSentiments } from "./sentiment.ts";
import { findOwnedMessage, findOwnedSession, touchSession, withInteractions } from "./sessions.ts";

/** An analysis session's messages and the caller's interactions with them (001). */

type TOwned = { userId: string; id: string };

/** A page of a session's messages in timestamp order (oldest first), with the caller's interactions. */
export const listSessionMessages = async ({
  db,
  userId,
  id,
  query: { limit, cursor, author, collectionId },
}: {
  db: Db;
  query: {
    limit: number;
    cursor?: string | undefined;
  } & Partial<z.output<typeof ZAnalysisMessageFiltersSchema>>;
} & TOwned) => {
  await findOwnedSession(db, userId, id);
  return readPage(
    { limit, cursor },
    {
      listed: (row) =>
        db.analysisMessage.findFirst({ where: { id: row, analysisSessionId: id }, select: { id: true } }),
      read: (window) =>
        db.analysisMessage.findMany({
          where: {
            analysisSessionId: id,
            author,
            ...(collectionId === undefined ? {} : { collectionIds: { has: collectionId } }),
          },
          orderBy: [{ timestamp: "asc" }, { id: "asc" }],
          include: withInteractions(userId),
          ...window,
        }),
    },
  );
};

/**
 * A message (user, contact or AI suggestion) added to session `id`, which becomes active now; its embedding
 * follows. Without a sentiment the AI provider labels it first (bounded; unlabelled when it fails).
 */
export const addSessionMessage = async ({
  userId,
  id,
  input,
  ...deps
}: TDeps & TOwned & { input: z.output<typeof ZCreateAnalysisMessageSchema> }) => {
  const { db } = deps;
  await findOwnedSession(db, userId, id);
  const sentiment = input.sentiment === undefined ? (await labelSentiments(deps, [input.text]))[0] : input.sentiment;
  const message = await db.$transaction(async (tx) => {
    const created = await tx.analysisMessage.create({
      data: { ...input, sentiment, analysisSessionId: id },
      include: withInteractions(userId),
    });
    await touchSession(tx, id);
    return created;
  });
  await syncOwnerEmbeddings({
    ...deps,
    userId,
    ownerKind: "ANALYSIS_MESSAGE",
    ownerIds: [message.id],
    event: "create",
  });
  return message;
};

export const getAnalysisMessage = ({ db, userId, id }: { db: Db } & TOwned) => findOwnedMessage(db, userId, id);

/**
 * Changes a message's text or fields (its author stays); its embedding follows. A new text without a
 * sentiment is labelled again, as a new message would be.
 */
export const updateAnalysisMessage = async ({
  userId,
  id,
  input,
  ...deps
}: TDeps & TOwned & { input: z.output<typeof ZUpdateAnalysisMessageSchema> }) => {
  const { db } = deps;
  await findOwnedMessage(db, userId, id);
  const relabel = input.text !== undefined && input.sentiment === undefined;
  const data = relabel ? { ...input, sentiment: (await labelSentiments(deps, [input.text!]))[0] } : input;
  const updated = await db.analysisMessage.update({ where: { id }, data, include: withInteractions(userId) });
  await syncOwnerEmbeddings({ ...deps, userId, ownerKind: "ANALYSIS_MESSAGE", ownerIds: [id], event: "update" });
  return updated;
};

export const deleteAnalysisMessage = async ({ db, userId, id }: { db: Db } & TOwned) => {
  await findOwnedMessage(db, userId, id);
  await db.analysisMessage.delete({ where: { id } });
};

// Liking and disliking exclude each other: adding one takes the other away.
const OPPOSITE: Partial<Record<InteractionType, InteractionType>> = { LIKED: "DISLIKED", DISLIKED: "LIKED" };

/**
 * Like, dislike, pin or copy a message. One interaction per (user, message, type), so adding is
 * idempotent and usedCount (copies) is 0 or 1 per user. Returns the message with the caller's interactions.
 */
export const addInteraction = async ({ db, userId, id, type }: { db: Db; type: InteractionType } & TOwned) => {
  const message = await findOwnedMessage(db, userId, id);
  return db.$transaction(async (tx) => {
    // Serialises interactions on one message, so a racing like and dislike cannot both stay.
    await tx.$queryRaw`SELECT 1 FROM analysis_messages WHERE id = ${id}::uuid FOR UPDATE`;
    const opposite = OPPOSITE[type];
    if (opposite) await tx.messageInteraction.deleteMany({ where: { userId, analysisMessageId: id, type: opposite } });
    await tx.messageInteraction.createMany({ data: [{ userId, analysisMessageId: id, type }], skipDuplicates: true });
    await touchSession(tx, message.analysisSessionId);
    return tx.analysisMessage.findUniqueOrThrow({ where: { id }, include: withInteractions(userId) });
  });
};

/** Removes an interaction (idempotent). */
export const removeInteraction = async ({ db, userId, id, type }: { db: Db; type: InteractionType } & TOwned) => {
  const message = await findOwnedMessage(db, userId, id);
  return db.$transaction(async (tx) => {
    await tx.messageInteraction.deleteMany({ where: { userId, analysisMessageId: id, type } });
    await touchSession(tx, message.analysisSessionId);
    return tx.analysisMessage.findUniqueOrThrow({ where: { id }, include: withInteractions(userId) });
  });
};

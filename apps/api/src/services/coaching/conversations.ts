import {
  ZConversationFiltersSchema,
  ZCreateConversationSchema,
  ZUpdateConversationSchema,
} from "@cto/contracts/api/coaching";
import { Prisma } from "@cto/db/client";
import type { z } from "zod";

import { assertOfferedModel, offeredUserDefault } from "../chat/models.ts";
import type { TDeps } from "../deps.ts";
import { embedOnWrite, syncOwnerEmbeddings } from "../embeddings.ts";
import { resourceService, type TAfterWrite } from "../resource.ts";

/** Prisma wants `DbNull` (SQL NULL) rather than `null` for a nullable JSON column. */
const toData = (input: Record<string, unknown>) =>
  input.context === null ? { ...input, context: Prisma.DbNull } : input;

/**
 * A conversation's messages answer searches only while it is live: trashed, their vectors go with the
 * conversation's own; restored, they are embedded again (a job each, or the worker's sweep without Redis).
 */
const messagesFollowTheirConversation: TAfterWrite = async ({ row, ...write }) => {
  if (write.event !== "trash" && write.event !== "restore") return;
  const messages = await write.db.message.findMany({ where: { conversationId: row.id }, select: { id: true } });
  await syncOwnerEmbeddings({ ...write, ownerKind: "MESSAGE", ownerIds: messages.map((message) => message.id) });
};

const conversations = resourceService({
  name: "conversations",
  model: (db) => db.conversation,
  afterWrite: [embedOnWrite("CONVERSATION"), messagesFollowTheirConversation],
  create: ZCreateConversationSchema,
  update: ZUpdateConversationSchema,
  filters: ZConversationFiltersSchema,
  where: ({ isActive }) => ({ isActive }),
  // Pinned first, then most recently active (004's updatedAt index); a new message bumps updatedAt.
  sorts: {
    updated: [{ isPinned: "desc" }, { updatedAt: "desc" }],
    created: [{ createdAt: "desc" }],
  },
  // Delete moves a conversation to the trash; restore is the undo, DELETE ?permanent=true the end.
  softDelete: true,
  toData,
});

type TCreate = TDeps & { userId: string; input: z.output<typeof ZCreateConversationSchema> };
type TUpdate = TDeps & { userId: string; id: string; input: z.output<typeof ZUpdateConversationSchema> };

/** Without the AI provider (a caller outside a request) the choice cannot be checked, so none is stored. */
const checkedModel = async (deps: TDeps, model: string | null | undefined) => {
  if (model === null || model === undefined) return model;
  if (!deps.ai) return undefined;
  await assertOfferedModel({ db: deps.db, ai: deps.ai, sharedCache: deps.sharedCache }, model);
  return model;
};

/**
 * Conversations: a resource (list, get, rename/archive/pin through update, trash and restore) whose
 * `model` must be one GET /models offers; a new conversation without one takes the user's default.
 */
export const conversationService = {
  ...conversations,
  create: async ({ input, ...args }: TCreate) => {
    let model = await checkedModel(args, input.model);
    if (model === undefined && args.ai)
      model = await offeredUserDefault({ db: args.db, ai: args.ai, sharedCache: args.sharedCache }, args.userId);
    return conversations.create({ ...args, input: { ...input, model } });
  },
  update: async ({ input, ...args }: TUpdate) =>
    conversations.update({ ...args, input: { ...input, model: await checkedModel(args, input.model) } }),
};

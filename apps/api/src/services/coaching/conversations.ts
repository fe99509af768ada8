import {
  ZConversationFiltersSchema,
  ZCreateConversationSchema,
  ZUpdateConversationSchema,
} from "@cto/contracts/api/coaching";
import { Prisma } from "@cto/db/client";

import { embedOnWrite } from "../embeddings.ts";
import { resourceService } from "../resource.ts";

/** Prisma wants `DbNull` (SQL NULL) rather than `null` for a nullable JSON column. */
const toData = (input: Record<string, unknown>) =>
  input.context === null ? { ...input, context: Prisma.DbNull } : input;

export const conversationService = resourceService({
  name: "conversations",
  model: (db) => db.conversation,
  afterWrite: [embedOnWrite("CONVERSATION")],
  create: ZCreateConversationSchema,
  update: ZUpdateConversationSchema,
  filters: ZConversationFiltersSchema,
  where: ({ isActive }) => ({ isActive }),
  // Most recently active first (004's updatedAt index); a new message bumps updatedAt.
  sorts: { updated: [{ updatedAt: "desc" }], created: [{ createdAt: "desc" }] },
  toData,
});

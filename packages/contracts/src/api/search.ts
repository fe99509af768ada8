import { z } from "zod";

import { ZQueryTimestampSchema, zText } from "../values.ts";

const OWNER_KINDS = [
  "message",
  "insight",
  "report",
  "conversation",
  "goal",
  "commitment",
  "person",
  "place",
  "event",
  "task",
  "deadline",
  "post",
  "reply",
  "story",
  "analysis_message",
  "user_context",
  "emotion",
  "energy_metric",
  "document_chunk",
] as const;

export const ZSearchQuerySchema = z.object({
  q: zText().trim().min(1).max(1000).describe("What to search for, in plain words"),
  scope: z.enum(["all", "memory", "knowledge"]).default("all"),
  kinds: zText()
    .max(1000)
    .optional()
    .describe(`Comma-separated kinds of memory: ${OWNER_KINDS.join(", ")}`)
    .transform((value, context) => {
      if (!value) return undefined;
      const kinds = value.split(",").map((kind) => kind.trim());
      const unknown = kinds.filter((kind) => !(OWNER_KINDS as readonly string[]).includes(kind));
      if (unknown.length) context.addIssue({ code: "custom", message: `Unknown kinds: ${unknown.join(", ")}` });
      return kinds.map((kind) => kind.toUpperCase());
    }),
  from: ZQueryTimestampSchema.optional().describe("Memory created at or after this Unix ms"),
  to: ZQueryTimestampSchema.optional().describe("Memory created before this Unix ms"),
  phase: z.coerce.number().int().min(1).max(10).optional(),
  goal: zText().max(100).optional(),
  type: zText().max(100).optional(),
  k: z.coerce.number().int().min(1).max(50).default(10),
});

export const ZMemoryMatchSchema = z.object({
  id: z.string(),
  ownerKind: z.enum(OWNER_KINDS),
  ownerId: z.string(),
  parentId: z
    .string()
    .nullable()
    .describe(
      "Where the item is shown: a message's conversation, an analysis message's session, a reply's post, a document chunk's document; null for other kinds",
    ),
  chunkIndex: z.number().int(),
  content: z.string(),
  createdAt: z.number().int(),
  score: z.number().describe("Cosine similarity, 1 = same direction"),
});
export const ZKnowledgeMatchSchema = z.object({
  id: z.string(),
  chunkId: z.string(),
  textContent: z.string(),
  phase: z.number().int().nullable(),
  goal: z.string().nullable(),
  type: z.string().nullable(),
  score: z.number(),
});
export const ZSearchResultSchema = z.object({
  model: z.string(),
  memory: z.array(ZMemoryMatchSchema),
  knowledge: z.array(ZKnowledgeMatchSchema),
});
export type TSearchResult = z.infer<typeof ZSearchResultSchema>;

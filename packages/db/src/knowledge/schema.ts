import { z } from "zod";

/**
 * One knowledge chunk in the JSON format of seed `001`. Only the fields the `KnowledgeChunk` row is
 * built from are required; anything else a source adds (extra metadata, notes) passes through unread.
 */
const ZTextSchema = z.string().trim().min(1);

// 001 writes tags as lists and reads the first entry; a bare value is accepted as a one-item list.
const tagList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(item));

// "1", 1 and "phase_1" all mean phase 1: 001 says "tags.phase[0] → parse number".
const ZPhaseSchema = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const phase = typeof value === "number" ? value : Number(/\d+/.exec(value)?.[0] ?? Number.NaN);
  if (!Number.isInteger(phase) || phase < 1 || phase > 4) {
    ctx.addIssue({ code: "custom", message: `phase must be 1, 2, 3 or 4 (got ${JSON.stringify(value)})` });
    return z.NEVER;
  }
  return phase;
});

export const ZKnowledgeChunkInputSchema = z.object({
  metadata: z.looseObject({
    chunk_id: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, "chunk_id: letters, digits, _ . : - (at most 128)"),
    version: z.string().trim().min(1).max(64),
    source: z.string().trim().min(1).max(128),
    /** Not in 001's example; lets a source retire a chunk without deleting it. */
    is_active: z.boolean().optional(),
  }),
  languageVariants: z
    .record(z.string().min(2).max(16), z.looseObject({ text: ZTextSchema }))
    .refine((variants) => "en" in variants, "an English variant (languageVariants.en.text) is required"),
  embeddingStrings: z.array(ZTextSchema).min(1),
  tags: z.looseObject({
    phase: tagList(ZPhaseSchema).refine((phases) => phases.length > 0, "at least one phase"),
    goal: tagList(ZTextSchema).optional(),
    type: tagList(ZTextSchema).optional(),
    technique: tagList(ZTextSchema).default([]),
    context: tagList(ZTextSchema).default([]),
  }),
  situation: ZTextSchema.optional(),
  guidance: z.looseObject({ primary_intent: ZTextSchema.optional(), risk_level: ZTextSchema.optional() }).optional(),
});
export type TKnowledgeChunkInput = z.input<typeof ZKnowledgeChunkInputSchema>;
export type TKnowledgeChunk = z.output<typeof ZKnowledgeChunkInputSchema>;

/** A list of chunks, unique by chunk id: two versions of one chunk in one file are a mistake. */
export const ZKnowledgeChunkListSchema = z.array(ZKnowledgeChunkInputSchema).superRefine((chunks, ctx) => {
  const seen = new Map<string, number>();
  chunks.forEach((chunk, index) => {
    const first = seen.get(chunk.metadata.chunk_id);
    if (first !== undefined)
      ctx.addIssue({
        code: "custom",
        path: [index, "metadata", "chunk_id"],
        message: `duplicate chunk_id ${chunk.metadata.chunk_id} (also at index ${first})`,
      });
    else seen.set(chunk.metadata.chunk_id, index);
  });
});

/** The columns of a `KnowledgeChunk` row, derived as 001 maps them. */
export const toKnowledgeRow = (chunk: TKnowledgeChunk) => ({
  chunkId: chunk.metadata.chunk_id,
  version: chunk.metadata.version,
  source: chunk.metadata.source,
  isActive: chunk.metadata.is_active ?? true,
  textContent: chunk.languageVariants.en!.text,
  embeddingText: chunk.embeddingStrings.join("\n"),
  phase: chunk.tags.phase[0]!,
  goal: chunk.tags.goal?.[0] ?? null,
  type: chunk.tags.type?.[0] ?? null,
  techniques: chunk.tags.technique,
  context: chunk.tags.context,
  situation: chunk.situation ?? null,
  primaryIntent: chunk.guidance?.primary_intent ?? null,
  riskLevel: chunk.guidance?.risk_level ?? null,
  languageVariants: chunk.languageVariants,
});
export type TKnowledgeRow = ReturnType<typeof toKnowledgeRow>;

import { z } from "zod";

/** Ingest a file of knowledge chunks (001's JSON format) from storage; idempotent by chunk id and version. */
export const ZKnowledgeIngestJobSchema = z.object({ storageKey: z.string().min(1) });

export const KNOWLEDGE_JOBS = { ingest: ZKnowledgeIngestJobSchema } as const;

import { z } from "zod";

/** Periodic: deletes expired sessions, used or expired password resets and verification tokens, stale link tokens. */
export const ZCleanupExpiredJobSchema = z.object({});

/** The worker's defaults (TRASH_RETENTION_DAYS, AI_BODY_RETENTION_DAYS). */
export const DEFAULT_TRASH_RETENTION_DAYS = 30;
export const DEFAULT_AI_BODY_RETENTION_DAYS = 90;

/**
 * Daily: rows in the trash longer than `trashDays` deleted for good (with their uploaded screenshots),
 * and the request and response bodies of AI responses older than `aiBodyDays` cleared; their model,
 * tokens, cost and latency stay for the analytics. The worker's schedule fills these in from its env.
 */
export const ZRetentionJobSchema = z.object({
  trashDays: z.number().int().min(1).max(36_500),
  aiBodyDays: z.number().int().min(1).max(36_500),
  batchSize: z.number().int().min(1).max(10_000).default(500),
});

/**
 * Daily: whole months of messages older than `hotMonths` (and their AI responses) moved into the
 * archive's month partitions, made ahead; archived months older than `archiveMonths` dropped. Null
 * leaves that step out (the default: nothing moves, nothing is dropped). At most `maxBatches` batches
 * of `batchSize` messages a run, so a first run over years of history spreads over days.
 */
export const ZArchiveHistoryJobSchema = z.object({
  hotMonths: z.number().int().min(1).max(1_200).nullable(),
  archiveMonths: z.number().int().min(1).max(1_200).nullable(),
  batchSize: z.number().int().min(1).max(10_000).default(1_000),
  maxBatches: z.number().int().min(1).max(100_000).default(200),
});

export const MAINTENANCE_JOBS = {
  "cleanup-expired": ZCleanupExpiredJobSchema,
  retention: ZRetentionJobSchema,
  "archive-history": ZArchiveHistoryJobSchema,
} as const;

import { z } from "zod";

/** Periodic: deletes expired sessions, used or expired password resets and verification tokens, stale link tokens. */
export const ZCleanupExpiredJobSchema = z.object({});

export const MAINTENANCE_JOBS = { "cleanup-expired": ZCleanupExpiredJobSchema } as const;

import { ocrJobId } from "@cto/contracts/queues";

import type { TProcessor } from "./processor.ts";

/**
 * In analysis for longer than this without a job running it: its job was lost (or the API is between its
 * commit and its enqueue, which the shared job id makes harmless either way).
 */
export const OCR_SWEEP_AFTER_MS = 60_000;
const BATCH = 200;

/**
 * Queues `recognize` again for screenshot sessions still in analysis. Redis replicates asynchronously, so a
 * Sentinel or cluster failover may drop the API's enqueue; the session row is the truth. The job id is the
 * API's own (session and the move's `lastActivity`), so a job Redis still holds, waiting, running, retrying
 * or finished, is not queued twice; one that ran and left the session as it was would find it skipped.
 */
export const processOcrSweep: TProcessor<"ocr", "sweep"> = async (_job, { db, queues, now }) => {
  const sessions = await db.analysisSession.findMany({
    where: {
      type: "SCREENSHOT",
      status: "ANALYSIS_IN_PROGRESS",
      deletedAt: null,
      lastActivity: { lt: new Date(now().getTime() - OCR_SWEEP_AFTER_MS) },
    },
    select: { id: true, userId: true, lastActivity: true },
    orderBy: { lastActivity: "asc" },
    take: BATCH,
  });
  let queued = 0;
  for (const { id, userId, lastActivity } of sessions) {
    const jobId = ocrJobId(id, lastActivity);
    if (await queues.queue("ocr").getJob(jobId)) continue;
    await queues.enqueue(
      "ocr",
      "recognize",
      { userId, analysisSessionId: id, storageKey: `screenshots/${userId}/${id}` },
      { jobId },
    );
    queued += 1;
  }
  return { inAnalysis: sessions.length, queued };
};

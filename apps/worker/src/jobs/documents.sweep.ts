import { documentJobId } from "@cto/contracts/queues";

import type { TProcessor } from "./processor.ts";

/** Waiting longer than this without a job Redis holds: its job was lost (or the API is between its commit and its enqueue). */
export const DOCUMENT_SWEEP_AFTER_MS = 60_000;
const BATCH = 200;

/**
 * Queues `ingest` again for documents still pending or processing whose job Redis no longer holds (a
 * Sentinel or cluster failover may drop the API's enqueue; the row is the truth). The job id is the API's
 * own (document and `queuedAt`), so a job Redis still holds, waiting, running, retrying or finished, is not
 * queued twice. A job that ran for good and failed marked its document FAILED, so it is not found here.
 */
export const processDocumentSweep: TProcessor<"documents", "sweep"> = async (_job, { db, queues, now }) => {
  const documents = await db.document.findMany({
    where: {
      status: { in: ["PENDING", "PROCESSING"] },
      queuedAt: { lt: new Date(now().getTime() - DOCUMENT_SWEEP_AFTER_MS) },
    },
    select: { id: true, userId: true, queuedAt: true },
    orderBy: { queuedAt: "asc" },
    take: BATCH,
  });
  let queued = 0;
  for (const { id, userId, queuedAt } of documents) {
    const jobId = documentJobId(id, queuedAt);
    if (await queues.queue("documents").getJob(jobId)) continue;
    await queues.enqueue("documents", "ingest", { userId, documentId: id }, { jobId });
    queued += 1;
  }
  return { waiting: documents.length, queued };
};

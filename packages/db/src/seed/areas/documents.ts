import type { SeedContext } from "../context.ts";

/**
 * A performance review the worker has read: READY with its two passages. Their embeddings are left to the
 * worker's embeddings sweep (as after a model change), so seeded searches and replies stay as they were
 * until a worker runs.
 */
export const seedDocuments = async ({ db, user, now, id }: SeedContext) => {
  const texts = [
    "# Performance review 2026\n\nStrong delivery: shipped ledger rewrite, zero outages.",
    "Next step: speak at all-hands; write more design documents.",
  ];
  await db.document.upsert({
    where: { id: id("document:review") },
    update: {},
    create: {
      id: id("document:review"),
      userId: user.id,
      filename: "performance-review-2026.md",
      kind: "MARKDOWN",
      mimeType: "text/markdown",
      sizeBytes: texts.join("\n\n").length,
      status: "READY",
      chunkCount: texts.length,
      embeddedChunks: texts.length,
      queuedAt: now,
      createdAt: now,
    },
  });
  await db.documentChunk.createMany({
    skipDuplicates: true,
    data: texts.map((content, chunkIndex) => ({
      id: id(`document:review:${chunkIndex}`),
      documentId: id("document:review"),
      chunkIndex,
      content,
    })),
  });
};

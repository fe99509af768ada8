import { upsertEmbedding } from "../../vector.ts";
import type { SeedContext } from "../context.ts";
import { FIXTURE_EMBEDDING_MODEL, fixtureEmbedding } from "../fixture-embedding.ts";

// The header the embeddings pipeline puts before a document passage (@cto/core's DOCUMENT_CHUNK source).
const passage = (filename: string, content: string) => `From the document "${filename}":\n${content}`;

/** A read and embedded performance review, so search and the coach find a document in the demo. */
export const seedDocuments = async ({ db, user, now, id }: SeedContext) => {
  const filename = "performance-review-2026.md";
  const texts = [
    "# Performance review 2026\n\nStrong delivery on the billing migration; shipped on time with no incidents.",
    "Next step: grow as a mentor. Pair with the two new engineers each week and hand over the release process.",
  ];
  await db.document.upsert({
    where: { id: id("document:review") },
    update: {},
    create: {
      id: id("document:review"),
      userId: user.id,
      filename,
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
  for (const [chunkIndex, content] of texts.entries())
    await upsertEmbedding(db, {
      userId: user.id,
      ownerKind: "DOCUMENT_CHUNK",
      ownerId: id(`document:review:${chunkIndex}`),
      content: passage(filename, content),
      model: FIXTURE_EMBEDDING_MODEL,
      embed: fixtureEmbedding,
    });
};

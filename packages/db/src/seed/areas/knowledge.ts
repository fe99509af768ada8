import type { DbExecutor } from "../../client.ts";
import { ingestKnowledgeChunks } from "../../knowledge/ingest.ts";
import { loadStarterKnowledge } from "../../knowledge/starter.ts";
import { FIXTURE_EMBEDDING_MODEL, fixtureEmbedding } from "../fixture-embedding.ts";

/**
 * The starter knowledge base (knowledge/starter-knowledge.json), embedded with the offline local
 * provider's vectors. Ingestion is idempotent by chunk id and version, so a second run writes nothing;
 * a re-index replaces the vectors when a real embedding model is configured.
 */
export const seedKnowledge = async (db: DbExecutor) =>
  ingestKnowledgeChunks(db, loadStarterKnowledge(), {
    model: FIXTURE_EMBEDDING_MODEL,
    embed: async (texts) => ({ vectors: texts.map(fixtureEmbedding), model: FIXTURE_EMBEDDING_MODEL }),
  });

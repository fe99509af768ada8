import type { DbExecutor } from "../../client.ts";
import { setKnowledgeChunkEmbedding } from "../../vector.ts";
import { FIXTURE_EMBEDDING_MODEL, fixtureEmbedding } from "../fixture-embedding.ts";

type StarterChunk = { chunkId: string; phase: number; goal: string; type: string; situation: string; text: string; techniques: string[] };

// A few coaching chunks in 001's shape; the AI issue ships the full starter knowledge base.
const STARTER_CHUNKS: StarterChunk[] = [
  { chunkId: "coach_delegation_001", phase: 1, goal: "delegation", type: "response", situation: "Manager afraid to hand over work", text: "Name the fear, then shrink the risk: agree a checklist and one supervised run before handing over fully.", techniques: ["reframing", "small_steps"] },
  { chunkId: "coach_focus_001", phase: 1, goal: "focus", type: "opener", situation: "Too many meetings", text: "Protect two deep-work blocks a day before accepting new meetings; decline with an alternative time.", techniques: ["time_blocking"] },
  { chunkId: "coach_boundaries_001", phase: 2, goal: "boundaries", type: "response", situation: "Hard to say no", text: "Say no to the request, yes to the person: acknowledge, decline clearly, offer what you can do.", techniques: ["assertive_no"] },
  { chunkId: "coach_energy_001", phase: 2, goal: "energy", type: "response", situation: "Low energy after lunch", text: "Move demanding work to your peak hours and batch shallow tasks into the afternoon dip.", techniques: ["energy_mapping"] },
  { chunkId: "coach_feedback_001", phase: 3, goal: "feedback", type: "closing", situation: "Giving hard feedback", text: "Describe the behaviour, its impact and a request; then ask how they see it.", techniques: ["sbi_model"] },
  { chunkId: "coach_habits_001", phase: 4, goal: "consistency", type: "closing", situation: "Missed commitments", text: "Shrink the commitment until it is too small to skip, then grow it by one step a week.", techniques: ["tiny_habits"] },
];

export const seedKnowledge = async (db: DbExecutor) => {
  await db.knowledgeChunk.createMany({
    skipDuplicates: true,
    data: STARTER_CHUNKS.map((chunk) => ({
      chunkId: chunk.chunkId, version: "1.0.0", source: "CTO_STARTER", textContent: chunk.text, embeddingText: `${chunk.situation}. ${chunk.text}`,
      phase: chunk.phase, goal: chunk.goal, type: chunk.type, techniques: chunk.techniques, context: ["work"], situation: chunk.situation,
      primaryIntent: "guide", riskLevel: "low", languageVariants: { en: { text: chunk.text } },
    })),
  });
  // Only chunks without a vector (or from another model) are embedded: a second run writes nothing.
  const missing = await db.$queryRaw<{ chunkId: string; embeddingText: string }[]>`
    SELECT chunk_id AS "chunkId", embedding_text AS "embeddingText" FROM knowledge_chunks
    WHERE source = 'CTO_STARTER' AND (embedding IS NULL OR embedding_model IS DISTINCT FROM ${FIXTURE_EMBEDDING_MODEL})`;
  for (const chunk of missing) await setKnowledgeChunkEmbedding(db, { chunkId: chunk.chunkId, vector: fixtureEmbedding(chunk.embeddingText), model: FIXTURE_EMBEDDING_MODEL });
};

export {
  ZKnowledgeChunkInputSchema,
  ZKnowledgeChunkListSchema,
  toKnowledgeRow,
  type TKnowledgeChunk,
  type TKnowledgeChunkInput,
  type TKnowledgeRow,
} from "./schema.ts";
export { KnowledgeParseError, parseKnowledgeChunks, parseKnowledgeJson, type TKnowledgeIssue } from "./parse.ts";
export { ingestKnowledgeChunks, type TIngestCounts, type TIngestOptions, type TKnowledgeEmbed } from "./ingest.ts";
export { loadStarterKnowledge, STARTER_KNOWLEDGE_PATH } from "./starter.ts";

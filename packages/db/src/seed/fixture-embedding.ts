// Demo data and fixtures are embedded with the offline local provider of @cto/ai, the same vectors a
// Cto without an API key computes, so semantic search works on the demo data out of the box. A re-index
// replaces them when a real embedding model is configured (rows record their model).
export { localEmbedding as fixtureEmbedding, LOCAL_EMBEDDING_MODEL as FIXTURE_EMBEDDING_MODEL } from "@cto/ai/local-provider";

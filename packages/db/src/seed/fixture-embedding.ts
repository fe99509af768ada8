import { hashingEmbedding } from "@cto/kernel/hashing-embedding";

import { EMBEDDING_DIMENSION } from "../vector.ts";

// Demo data and fixtures carry the vectors Cto's offline local provider (@cto/ai) computes, so semantic
// search works on the demo data without an API key; a re-index replaces them when a real embedding model
// is configured (rows record their model). Both take them from @cto/kernel, since @cto/db does not
// depend on the AI layer: apps/worker/test/seed-agreement.test.ts checks that both give the same vectors.

export const FIXTURE_EMBEDDING_MODEL = "cto-local-embedding-v1";

/** The local provider's hashing-trick vector of `text`. */
export const fixtureEmbedding = (text: string): number[] => hashingEmbedding(text, EMBEDDING_DIMENSION);

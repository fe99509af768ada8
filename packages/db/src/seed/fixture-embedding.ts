import { EMBEDDING_DIMENSION } from "../vector.ts";

// Demo data and fixtures carry the vectors Cto's offline local provider (@cto/ai) computes, so semantic
// search works on the demo data without an API key; a re-index replaces them when a real embedding model
// is configured (rows record their model). The seed computes them itself, since @cto/db does not depend
// on the AI layer: apps/worker/test/seed-agreement.test.ts checks that both give the same vectors.

export const FIXTURE_EMBEDDING_MODEL = "cto-local-embedding-v1";

const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize("NFKC")
    .match(/[\p{L}\p{N}']+/gu) ?? [];

/** A hashing trick: texts sharing words (and word pairs) land near each other; the same text, the same vector. */
export const fixtureEmbedding = (text: string): number[] => {
  const vector = new Array<number>(EMBEDDING_DIMENSION).fill(0);
  const words = wordsOf(text);
  // An empty text still gets a (fixed) non-zero vector, since a zero vector has no cosine.
  const features =
    words.length === 0 ? ["\u0000empty"] : [...words, ...words.slice(1).map((word, i) => `${words[i]} ${word}`)];
  for (const feature of features) {
    const hash = fnv1a(feature);
    const weight = feature.includes(" ") ? 0.5 : 1;
    vector[hash % EMBEDDING_DIMENSION]! += (hash & 0x80000000) === 0 ? weight : -weight;
  }
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return norm === 0 ? vector.map((_, i) => (i === 0 ? 1 : 0)) : vector.map((value) => value / norm);
};

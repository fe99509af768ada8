// The offline provider's embedding (@cto/ai's local provider), which the demo data and fixtures of
// @cto/db also carry, so semantic search works on them without an API key.

/** FNV-1a, 32 bits: a small, stable hash of a string. */
export const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

/** The words of a text, lower-cased and NFKC-normalised (letters, digits and apostrophes). */
export const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize("NFKC")
    .match(/[\p{L}\p{N}']+/gu) ?? [];

/**
 * A hashing trick, not a model: texts sharing words (and word pairs) land near each other; the same
 * text, the same unit vector of `dimensions` numbers.
 */
export const hashingEmbedding = (text: string, dimensions: number): number[] => {
  const vector = new Array<number>(dimensions).fill(0);
  const words = wordsOf(text);
  // Pairs add a little word order; an empty text still gets a (fixed) non-zero vector, since a zero vector has no cosine.
  const features =
    words.length === 0 ? ["\u0000empty"] : [...words, ...words.slice(1).map((word, i) => `${words[i]} ${word}`)];
  for (const feature of features) {
    const hash = fnv1a(feature);
    const weight = feature.includes(" ") ? 0.5 : 1;
    vector[hash % dimensions]! += (hash & 0x80000000) === 0 ? weight : -weight;
  }
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return norm === 0 ? vector.map((_, i) => (i === 0 ? 1 : 0)) : vector.map((value) => value / norm);
};

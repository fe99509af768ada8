import { createHash } from "node:crypto";

import { EMBEDDING_DIMENSION } from "../vector.ts";

/** The model name recorded on fixture vectors, so nothing mistakes them for a real model's output. */
export const FIXTURE_EMBEDDING_MODEL = "cto-fixture-hashing-v1";

const tokens = (text: string) => text.toLowerCase().normalize("NFKD").match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * A deterministic 1536-dimension vector for demo data and tests: the hashing trick over words
 * and word pairs, L2-normalised. Texts sharing words land near each other, which is enough to
 * exercise search; it is not a language model and is never presented as one.
 */
export const fixtureEmbedding = (text: string): number[] => {
  const vector = new Array<number>(EMBEDDING_DIMENSION).fill(0);
  const words = tokens(text);
  const features = [...words, ...words.slice(1).map((word, i) => `${words[i]} ${word}`)];
  for (const feature of features) {
    const digest = createHash("sha256").update(feature).digest();
    const index = digest.readUInt32BE(0) % EMBEDDING_DIMENSION;
    vector[index]! += digest[4]! & 1 ? 1 : -1;
  }
  const norm = Math.hypot(...vector);
  if (norm === 0) {
    vector[0] = 1;
    return vector;
  }
  return vector.map((value) => value / norm);
};

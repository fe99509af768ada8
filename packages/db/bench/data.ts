// The benchmark's synthetic embeddings. Unit vectors of 1536 dimensions with the multi-scale structure
// of text embeddings: a few dozen topics, sub-topics inside each, and per-row noise, so a query has a
// small neighbourhood of clearly nearer rows rather than thousands of near-ties. Everything comes from
// one seeded 32-bit generator, so runs are comparable.
import { EMBEDDING_DIMENSION } from "../src/vector.ts";

/** mulberry32: a full-period 32-bit generator (integer arithmetic, so no precision loss and no short cycles). */
export const createRandom = (seed: number) => {
  let state = seed | 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, gaussian, int: (n: number) => Math.floor(next() * n) };
};

export type TRandom = ReturnType<typeof createRandom>;

export const normalise = (v: number[]) => {
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
};

/** `unit + scale × (a random direction of norm 1)`: scale is the noise relative to the signal. */
const jitter = (random: TRandom, unit: number[], scale: number) => unit.map((x) => x + (random.gaussian() * scale) / Math.sqrt(EMBEDDING_DIMENSION));

/** A vector as a pgvector text literal (6 decimals: the data are synthetic, so rounding changes nothing). */
export const literal = (v: number[]) => `[${v.map((x) => x.toFixed(6)).join(",")}]`;

/**
 * A population of users shaped like real ones: each user writes about a palette of a few topics, drawn with
 * Zipf weights (one topic dominates, the rest trail off), and the `topics` of the space are shared by all
 * users. `offPalette` samples a query from a topic outside the user's palette: a user asking about something
 * new, the query whose nearest rows are far away and nearly tied, where an approximate index is weakest.
 * Topics → sub-topics → rows: `noise` is each row's distance from its sub-topic relative to the signal
 * (BENCH_NOISE; 0.6 by default, which puts nearest neighbours at cosine ≈ 0.7–0.8 and random pairs near 0,
 * about what text-embedding-3-small gives for related notes of one person).
 */
export const createTopicSpace = ({ seed = 7, topics = 48, subtopics = 12, noise = 0.6 } = {}) => {
  const random = createRandom(seed);
  const centres = Array.from({ length: topics }, () => normalise(Array.from({ length: EMBEDDING_DIMENSION }, random.gaussian)));
  const subs = centres.map((centre) => Array.from({ length: subtopics }, () => normalise(jitter(random, centre, 0.9))));
  const fromTopic = (topic: number) => normalise(jitter(random, subs[topic]![random.int(subtopics)]!, noise));
  const palette = (size: number) => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(size, topics)) chosen.add(random.int(topics));
    const weights = [...chosen].map((_, rank) => 1 / (rank + 1));
    const total = weights.reduce((a, b) => a + b, 0);
    const pick = () => {
      let r = random.next() * total;
      for (const [index, topic] of [...chosen].entries()) {
        r -= weights[index]!;
        if (r <= 0) return topic;
      }
      return [...chosen].at(-1)!;
    };
    const outside = () => {
      for (let attempt = 0; attempt < 1_000; attempt++) {
        const topic = random.int(topics);
        if (!chosen.has(topic)) return topic;
      }
      throw new Error("The palette covers every topic; nothing is off-palette.");
    };
    return { topics: [...chosen], sample: () => fromTopic(pick()), offPalette: () => fromTopic(outside()) };
  };
  return { random, palette };
};

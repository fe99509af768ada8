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
const jitter = (random: TRandom, unit: number[], scale: number) =>
  unit.map((x) => x + (random.gaussian() * scale) / Math.sqrt(EMBEDDING_DIMENSION));

/** A vector as a pgvector text literal (6 decimals: the data are synthetic, so rounding changes nothing). */
export const literal = (v: number[]) => `[${v.map((x) => x.toFixed(6)).join(",")}]`;

/** Rows per rare topic of a user's tail: a Zipf law over six topics (12 / rank), 28 rows in all. */
export const TAIL_ROWS = [12, 6, 4, 3, 2, 1];

/**
 * A population of users shaped like real ones: each user writes about a palette of a few topics, drawn with
 * Zipf weights (one topic dominates, the rest trail off), and the `topics` of the space are shared by all
 * users. With `tail`, the user also touched a few more topics a handful of times each (TAIL_ROWS: the
 * Zipf law's long tail), in `tailRows`. Queries:
 * - `sample`: like the user's rows (on the palette);
 * - `rare`: about one of the tail's topics, where only 1–12 of the user's rows are near;
 * - `offPalette`: about a topic the user never wrote about, whose nearest rows are far away and nearly tied,
 *   where an approximate index is weakest.
 * Topics → sub-topics → rows: `noise` is each row's distance from its sub-topic relative to the signal
 * (BENCH_NOISE; 0.6 by default, which puts nearest neighbours at cosine ≈ 0.7–0.8 and random pairs near 0,
 * about what text-embedding-3-small gives for related notes of one person).
 */
export const createTopicSpace = ({ seed = 7, topics = 48, subtopics = 12, noise = 0.6 } = {}) => {
  const random = createRandom(seed);
  const centres = Array.from({ length: topics }, () =>
    normalise(Array.from({ length: EMBEDDING_DIMENSION }, random.gaussian)),
  );
  const subs = centres.map((centre) => Array.from({ length: subtopics }, () => normalise(jitter(random, centre, 0.9))));
  const fromSub = (sub: number[]) => normalise(jitter(random, sub, noise));
  const fromTopic = (topic: number) => fromSub(subs[topic]![random.int(subtopics)]!);
  const palette = (size: number, { tail = false } = {}) => {
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
    const used = new Set(chosen);
    const outside = () => {
      for (let attempt = 0; attempt < 1_000; attempt++) {
        const topic = random.int(topics);
        if (!used.has(topic)) return topic;
      }
      throw new Error("The palette covers every topic; nothing is off-palette.");
    };
    // Each rare topic is one sub-topic of a topic outside the palette, so its rows are near one another.
    const rareSubs = (tail ? TAIL_ROWS : []).map(() => {
      const topic = outside();
      used.add(topic);
      return subs[topic]![random.int(subtopics)]!;
    });
    const tailRows = rareSubs.flatMap((sub, rank) => Array.from({ length: TAIL_ROWS[rank]! }, () => fromSub(sub)));
    return {
      topics: [...chosen],
      tailRows,
      sample: () => fromTopic(pick()),
      rare: () => fromSub(rareSubs[random.int(rareSubs.length)]!),
      offPalette: () => fromTopic(outside()),
    };
  };
  return { random, palette };
};

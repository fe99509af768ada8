/** Small text helpers shared by the offline provider's parts. */

import { fnv1a, wordsOf } from "@cto/kernel/hashing-embedding";

export { fnv1a, wordsOf };

export const excerpt = (text: string, max: number): string => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
};

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), stopping early past `limit`. */
export const editDistance = (a: string, b: string, limit = 2): number => {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
  }
  return rows[a.length]![b.length]!;
};

/**
 * How far a word may be from a vocabulary word to count as a typo of it: the same first letter, and
 * short words only by a swap of two letters ("gaol"), so real words one letter apart ("goat", "mask")
 * stay themselves.
 */
const isTypoOf = (word: string, target: string): boolean => {
  // The first letter is rarely the mistyped one, and keeping it spares real words ("remember" is not "december").
  if (word.length < 4 || target.length < 4 || word[0] !== target[0]) return false;
  const distance = editDistance(word, target, 2);
  if (target.length === 4)
    return distance === 1 && word.length === 4 && [...word].sort().join("") === [...target].sort().join("");
  return distance <= (target.length >= 8 ? 2 : 1);
};

/**
 * Replaces each word that is a likely typo of a vocabulary word by that word, keeping everything
 * else (case, punctuation, spacing) as written. Exact vocabulary words and unknown words are kept.
 */
export const correctTypos = (text: string, vocabulary: readonly string[]): string => {
  const known = new Set(vocabulary);
  return text.replace(/[\p{L}']+/gu, (word) => {
    const lower = word.toLowerCase();
    // A plural of a vocabulary word ("evenings") is a word of its own, not a typo.
    if (known.has(lower) || lower.length < 4 || known.has(lower.replace(/s$/, ""))) return word;
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const target of vocabulary) {
      if (!isTypoOf(lower, target)) continue;
      const distance = editDistance(lower, target, 2);
      if (distance < bestDistance) [best, bestDistance] = [target, distance];
    }
    return best ?? word;
  });
};

const stem = (word: string) => {
  const bare = word.replace(/'s$/, "");
  return bare.length > 4 ? bare.replace(/(?:ing|ed|s)$/, "") : bare;
};

/** Lowercase content words, crudely stemmed, for "does this goal relate to the message" overlaps. */
const STOPWORDS = new Set(
  "a an and are as at be been but by can could did do does for from had has have how i i'm i've if in into is it its it's just me my of on or our so than that the their them then there these they this to too up was we were what when where which who why will with would you your about after again all also am any because before being both each few more most much no nor not now only other out over own same should some such very get got want need feel make like".split(
    " ",
  ),
);
export const contentWords = (text: string): Set<string> =>
  new Set(
    wordsOf(text)
      .filter((word) => word.length >= 3 && !STOPWORDS.has(word))
      .map(stem),
  );

export const overlaps = (a: Set<string>, b: Set<string>): number => [...a].filter((word) => b.has(word)).length;

export const capitalise = (text: string): string => (text ? text[0]!.toUpperCase() + text.slice(1) : text);

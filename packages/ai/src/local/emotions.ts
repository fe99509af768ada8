/** Feeling words and their valence, for reading a mood check-in out of the user's words. */
import { correctTypos } from "./text.ts";

type TValence = "positive" | "neutral" | "negative";

const LEXICON: Record<TValence, string[]> = {
  positive: [
    "happy",
    "calm",
    "content",
    "grateful",
    "thankful",
    "proud",
    "excited",
    "hopeful",
    "relieved",
    "confident",
    "motivated",
    "energised",
    "energized",
    "relaxed",
    "joyful",
    "optimistic",
    "satisfied",
    "peaceful",
    "good",
    "great",
    "curious",
    "inspired",
    "focused",
    "loved",
    "cheerful",
    "glad",
    "amazing",
    "fantastic",
    "rested",
    "wonderful",
    "excellent",
    "positive",
    "productive",
  ],
  neutral: [
    "okay",
    "ok",
    "fine",
    "meh",
    "neutral",
    "indifferent",
    "mixed",
    "so-so",
    "unsure",
    "uncertain",
    "pensive",
    "reflective",
    "alright",
    "average",
    "bittersweet",
  ],
  negative: [
    "anxious",
    "stressed",
    "sad",
    "angry",
    "frustrated",
    "overwhelmed",
    "worried",
    "nervous",
    "lonely",
    "tired",
    "exhausted",
    "annoyed",
    "upset",
    "disappointed",
    "irritated",
    "afraid",
    "scared",
    "guilty",
    "ashamed",
    "hurt",
    "depressed",
    "down",
    "low",
    "bad",
    "awful",
    "terrible",
    "drained",
    "hopeless",
    "jealous",
    "insecure",
    "bored",
    "restless",
    "tense",
    "confused",
    "lost",
    "stuck",
    "discouraged",
    "miserable",
    "burnt out",
    "burned out",
    "fed up",
    "demotivated",
    "unmotivated",
    "panicked",
    "defeated",
    "grumpy",
    "sick",
  ],
};

export const EMOTIONS: ReadonlyMap<string, TValence> = new Map(
  Object.entries(LEXICON).flatMap(([valence, words]) => words.map((word) => [word, valence as TValence])),
);
const SINGLE_WORDS = [...EMOTIONS.keys()].filter((word) => !word.includes(" ") && word.length >= 5);
const FLIPPED: Record<TValence, TValence> = { positive: "negative", neutral: "neutral", negative: "neutral" };

export type TEmotionMatch = { label: string; valence: TValence; index: number; length: number };

/** The first feeling named among the first few words of `text` ("not great" counts as one), or null. */
export const emotionOf = (text: string, withinWords = 5): TEmotionMatch | null => {
  const words = [...text.matchAll(/[\p{L}'-]+/gu)].slice(0, withinWords);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    const next = words[i + 1];
    const pair = next ? `${word[0]} ${next[0]}`.toLowerCase() : "";
    const single = word[0].toLowerCase();
    const label = EMOTIONS.has(pair) ? pair : EMOTIONS.has(single) ? single : correctTypos(single, SINGLE_WORDS);
    if (!EMOTIONS.has(label)) continue;
    const end = label === pair ? next!.index! + next![0].length : word.index! + word[0].length;
    const negated = i > 0 && /^(?:not|never|hardly)$/i.test(words[i - 1]![0]);
    const start = negated ? words[i - 1]!.index! : word.index!;
    const valence = EMOTIONS.get(label)!;
    return {
      label: negated ? `not ${label}` : label,
      valence: negated ? FLIPPED[valence] : valence,
      index: start,
      length: end - start,
    };
  }
  return null;
};

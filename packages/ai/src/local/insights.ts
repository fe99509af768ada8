import type { TInsightItem } from "../provider.ts";

type TInsight = { title: string; content: string; evidence: number[]; confidence: number };

/** First-person statements worth remembering, by what they say about the user (first match wins). */
const PATTERNS: { title: string; pattern: RegExp; confidence: number }[] = [
  {
    title: "Preference",
    pattern: /\bI (?:really |much |strongly )?(?:prefer|like|love|enjoy|hate|dislike|value|need)\b/i,
    confidence: 0.7,
  },
  {
    title: "Challenge",
    pattern:
      /\bI(?: am|'m)? (?:struggl\w*|keep|can't|cannot|worr\w*|stuck|overwhelmed|find it hard|have trouble|burn\w* out)\b/i,
    confidence: 0.6,
  },
  {
    title: "About you",
    pattern:
      /\b(?:I(?: am|'m) an? |I (?:manage|lead|run|own|work (?:at|on|as|with|for))\b|my (?:team|manager|role|job)\b)/i,
    confidence: 0.7,
  },
];

const SECOND_PERSON: [RegExp, string][] = [
  [/\bI am\b/g, "You are"],
  [/\bI'm\b/gi, "You're"],
  [/\bI've\b/gi, "You've"],
  [/\bI\b/g, "You"],
  [/\bmy\b/gi, "your"],
  [/\bmine\b/gi, "yours"],
  [/\bme\b/gi, "you"],
  [/\bmyself\b/gi, "yourself"],
];
const toSecondPerson = (sentence: string) => {
  let text = sentence;
  for (const [pattern, replacement] of SECOND_PERSON) text = text.replace(pattern, replacement);
  // "You" at the start only when the sentence began with "I": lowercase a mid-sentence "You".
  text = text.replace(/(?<=\S\s)You\b/g, "you");
  text = text[0]!.toUpperCase() + text.slice(1);
  return /[.!…]$/.test(text) ? text : `${text}.`;
};

const fromMessages = (items: TInsightItem[]) => {
  const found = new Map<string, TInsight>();
  for (const item of items.filter((entry) => entry.kind === "message")) {
    const sentences = item.text
      .replace(/\s+/g, " ")
      .trim()
      .split(/(?<=[.!?])\s/);
    for (const sentence of sentences) {
      if (sentence.endsWith("?") || sentence.length < 12 || sentence.length > 300) continue;
      const match = PATTERNS.find(({ pattern }) => pattern.test(sentence));
      if (!match) continue;
      const content = toSecondPerson(sentence.trim());
      const key = content.toLowerCase();
      const known = found.get(key);
      if (known) known.evidence.push(item.n);
      else found.set(key, { title: match.title, content, evidence: [item.n], confidence: match.confidence });
    }
  }
  return [...found.values()];
};

/** Patterns across check-ins: an emotion logged more than once, energy that stays low or high. */
const fromCheckIns = (items: TInsightItem[]) => {
  const insights: TInsight[] = [];
  const byLabel = new Map<string, number[]>();
  for (const item of items.filter((entry) => entry.kind === "emotion" && entry.label)) {
    const label = item.label!.toLowerCase();
    byLabel.set(label, [...(byLabel.get(label) ?? []), item.n]);
  }
  for (const [label, evidence] of byLabel)
    if (evidence.length >= 2)
      insights.push({
        title: "Check-ins",
        content: `You often feel ${label} (${evidence.length} check-ins).`,
        evidence,
        confidence: Math.min(0.9, 0.4 + 0.1 * evidence.length),
      });
  const energy = items.filter((entry) => entry.kind === "energy" && typeof entry.level === "number");
  if (energy.length >= 2) {
    const average = energy.reduce((sum, item) => sum + item.level!, 0) / energy.length;
    const rounded = Math.round(average * 10) / 10;
    const evidence = energy.map((item) => item.n);
    if (average <= 4)
      insights.push({
        title: "Check-ins",
        content: `Your energy has been low (about ${rounded}/10).`,
        evidence,
        confidence: 0.6,
      });
    if (average >= 7)
      insights.push({
        title: "Check-ins",
        content: `Your energy has been high (about ${rounded}/10).`,
        evidence,
        confidence: 0.6,
      });
  }
  return insights;
};

/**
 * Patterns in the user's analytics: the newest consistency score of a window of a week or more that
 * is clearly high or clearly low. Reports are items a model may read; the offline provider does not
 * summarise prose.
 */
const fromAnalytics = (items: TInsightItem[]) => {
  const newestByWindow = new Map<number, TInsightItem>();
  for (const item of items)
    if (item.kind === "consistency" && typeof item.score === "number" && (item.windowDays ?? 0) >= 7)
      newestByWindow.set(item.windowDays!, item);
  const insights: TInsight[] = [];
  for (const item of newestByWindow.values()) {
    const score = Math.round(item.score!);
    const over = `about ${score}% over the last ${item.windowDays} days`;
    if (score >= 80)
      insights.push({
        title: "Consistency",
        content: `You keep most of your commitments (${over}).`,
        evidence: [item.n],
        confidence: 0.6,
      });
    else if (score <= 40)
      insights.push({
        title: "Consistency",
        content: `Keeping your commitments has been hard lately (${over}).`,
        evidence: [item.n],
        confidence: 0.6,
      });
  }
  return insights;
};

/**
 * The offline provider's insights: first-person statements about preferences, challenges and the
 * user's work, turned to the second person, recurring patterns in check-ins, and clear trends in
 * consistency scores. Not a model: it says only what the items say, each with the items it rests on.
 */
export const insightsReply = (items: TInsightItem[]) =>
  JSON.stringify({ insights: [...fromMessages(items), ...fromCheckIns(items), ...fromAnalytics(items)] });

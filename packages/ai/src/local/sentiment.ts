import Sentiment from "sentiment";

import type { TSentiment } from "../provider.ts";

/** The lexicon behind the offline provider's sentiment, named as its model. */
export const LOCAL_SENTIMENT_MODEL = "afinn-165";

const analyser = new Sentiment();

/**
 * A text's sentiment from the AFINN-165 word scores (emoji included), summed: above zero positive,
 * below negative, otherwise neutral. The library flips a word after a negator ("not good"), so a
 * plain lexicon's commonest mistake is not made; sarcasm and context still are.
 */
export const localSentiment = (text: string): TSentiment => {
  const { score } = analyser.analyze(text);
  if (score > 0) return "POSITIVE";
  if (score < 0) return "NEGATIVE";
  return "NEUTRAL";
};

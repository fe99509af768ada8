import type { TAiProvider, TSentiment } from "@cto/ai/provider";

import { log } from "../../log.ts";
import { meteredAi } from "../../metrics.ts";
import type { TServiceLogger } from "../deps.ts";

/** How long a write waits for the labels before it stores its messages unlabelled. */
export const SENTIMENT_TIMEOUT_MS = 3_000;

/**
 * The sentiment of each text from the AI provider, in one batched call, or null for all of them when
 * there is no provider, it fails, or it has not answered within `timeoutMs`: a message is never lost
 * or refused for want of a label, and the write waits at most that long.
 */
export const labelSentiments = async (
  { ai, logger = log }: { ai?: TAiProvider | undefined; logger?: TServiceLogger | undefined },
  texts: string[],
  timeoutMs = SENTIMENT_TIMEOUT_MS,
): Promise<(TSentiment | null)[]> => {
  const unlabelled = texts.map(() => null);
  if (!ai || texts.length === 0) return unlabelled;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // The SDK's retry sleeps do not watch the signal, so the clock is raced as well as passed on.
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve("late");
    }, timeoutMs);
  });
  try {
    const labelled = meteredAi(ai, "analysis_sentiment").sentiment(texts, { signal: controller.signal });
    const result = await Promise.race([labelled, late]);
    if (result === "late") {
      logger.warn({ texts: texts.length, timeoutMs }, "sentiment: the AI provider did not answer in time");
      return unlabelled;
    }
    return result.sentiments;
  } catch (error) {
    logger.warn({ err: error, texts: texts.length }, "sentiment: the AI provider failed; messages stored unlabelled");
    return unlabelled;
  } finally {
    clearTimeout(timer);
  }
};

import { AiProviderError } from "@cto/ai/errors";

import { ApiError } from "../errors.ts";
import { log } from "../log.ts";

/**
 * What went wrong with the AI provider, in words for the user. The provider's own text (which can
 * name keys, models or URLs) is for the log, not for the answer.
 */
export const describeProviderFailure = (error: AiProviderError): string => {
  if (error.code === "timeout") return "the AI provider did not answer in time";
  if (error.code === "rate_limited") return "the AI provider is limiting requests right now";
  if (error.code === "bad_request")
    return `the AI provider refused the request${error.status ? ` (HTTP ${error.status})` : ""}`;
  if (error.status) return `the AI provider failed (HTTP ${error.status})`;
  return error.message === "The AI provider could not be reached"
    ? "the AI provider could not be reached"
    : "the AI provider sent an answer Cto could not use";
};

/** An AiProviderError as the API's 503 (or 429), saying what could not be done and why; anything else unchanged. */
export const toAiApiError = (error: unknown, what: string): unknown => {
  if (!(error instanceof AiProviderError)) return error;
  log.warn({ code: error.code, status: error.status, error: error.message }, `the AI provider failed (${what})`);
  return new ApiError(
    error.code === "rate_limited" ? "rate_limited" : "service_unavailable",
    `${what}: ${describeProviderFailure(error)}. Try again in a moment.`,
  );
};

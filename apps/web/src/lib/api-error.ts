import type { TError } from "@cto/contracts/errors";

export type TFieldErrors = Record<string, string>;

/** The API's error shape, any part of which a failed response (a proxy's page, a cut-off body) may lack. */
type TErrorBody = { error?: Partial<TError["error"]> };

/** A failed API call, in words a person understands; `fields` maps form paths to their messages. */
export class ApiError extends Error {
  readonly name = "ApiError";
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly fields: TFieldErrors = {},
    readonly requestId?: string,
  ) {
    super(message);
  }
}

// Messages for answers that carry no usable text of their own (a proxy's HTML page, an empty body).
const STATUS_MESSAGES: Record<number, string> = {
  401: "Your session has ended. Please sign in again.",
  403: "You are not allowed to do that.",
  404: "This was not found. It may have been deleted.",
  413: "That is too large to upload.",
  429: "Too many attempts. Please wait a moment and try again.",
  502: "Cto's server is not answering right now. Try again in a moment.",
  503: "Cto is temporarily unavailable. Try again in a moment.",
  504: "Cto's server took too long to answer. Try again in a moment.",
};

const isErrorBody = (body: unknown): body is TErrorBody =>
  typeof body === "object" && body !== null && "error" in body && typeof (body as TErrorBody).error === "object";

const retryAfterText = (retryAfter: string | null) => {
  const seconds = Number(retryAfter);
  if (!Number.isFinite(seconds) || seconds <= 0) return "";
  return seconds < 90
    ? ` Try again in ${Math.ceil(seconds)} seconds.`
    : ` Try again in ${Math.ceil(seconds / 60)} minutes.`;
};

/** The API's message for field `key` or anything inside it (`currentSkills.1`, `preferences.timezone`), if `error` names one. */
export const fieldError = (error: unknown, key: string): string | undefined =>
  error instanceof ApiError
    ? Object.entries(error.fields).find(([path]) => path === key || path.startsWith(`${key}.`))?.[1]
    : undefined;

/** Turns the API's `{ error: { code, message, requestId, details? } }` (or anything else a failed response held) into an ApiError. */
export const toApiError = (status: number, body: unknown, headers?: Headers): ApiError => {
  const retryText = status === 429 ? retryAfterText(headers?.get("retry-after") ?? null) : "";
  const fallback = retryText
    ? `Too many attempts.${retryText}`
    : (STATUS_MESSAGES[status] ??
      (status >= 500
        ? "Something went wrong on our side. Try again in a moment."
        : "The request could not be completed."));
  if (!isErrorBody(body) || !body.error)
    return new ApiError(
      fallback,
      status,
      status >= 500 ? "internal_error" : status === 429 ? "rate_limited" : "bad_request",
    );
  const { code = "bad_request", message, requestId, details = [] } = body.error;
  const fields: TFieldErrors = {};
  for (const detail of details)
    if (detail.path && !(detail.path in fields)) fields[detail.path] = sentence(detail.message);
  let text = message?.trim() || fallback;
  // A validation error's headline is generic; the first field message tells the person what to fix.
  if (code === "validation_failed" && details.length && !Object.keys(fields).length)
    text = sentence(details[0]!.message);
  if (retryText && !/try again in/i.test(text)) text += retryText;
  return new ApiError(text, status, code, fields, requestId);
};

/** The error for a request that never got an answer (offline, DNS, the server down). */
export const networkError = (cause: unknown): ApiError => {
  if (cause instanceof DOMException && cause.name === "AbortError")
    return new ApiError("The request was cancelled.", 0, "aborted");
  return new ApiError("Cto cannot be reached. Check your connection and try again.", 0, "network_error");
};

const sentence = (text: string) => {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

/** What to show for any thrown value. */
export const errorMessage = (error: unknown): string => {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Try again.";
};

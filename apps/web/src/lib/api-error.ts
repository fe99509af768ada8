import type { TError } from "@cto/contracts/errors";
import { translateApiMessage } from "./i18n/api-messages.ts";
import { i18n } from "./i18n/index.ts";

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

// Messages for answers that carry no usable text of their own (a proxy's HTML page, an empty body), in
// the language shown when the answer came.
const STATUS_MESSAGES = {
  401: "unauthorized",
  403: "forbidden",
  404: "notFound",
  413: "tooLarge",
  429: "rateLimited",
  502: "badGateway",
  503: "unavailable",
  504: "timeout",
} as const;
const statusMessage = (status: number) => {
  const name = STATUS_MESSAGES[status as keyof typeof STATUS_MESSAGES] as
    | (typeof STATUS_MESSAGES)[keyof typeof STATUS_MESSAGES]
    | undefined;
  return name ? i18n.t(`errors.status.${name}`) : undefined;
};

const isErrorBody = (body: unknown): body is TErrorBody =>
  typeof body === "object" && body !== null && "error" in body && typeof (body as TErrorBody).error === "object";

const retryAfterText = (retryAfter: string | null) => {
  const seconds = Number(retryAfter);
  if (!Number.isFinite(seconds) || seconds <= 0) return "";
  return seconds < 90
    ? i18n.t("errors.retrySeconds", { count: Math.ceil(seconds) })
    : i18n.t("errors.retryMinutes", { count: Math.ceil(seconds / 60) });
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
    ? i18n.t("errors.tooMany", { retry: retryText })
    : (statusMessage(status) ?? i18n.t(status >= 500 ? "errors.server" : "errors.request"));
  if (!isErrorBody(body) || !body.error)
    return new ApiError(
      fallback,
      status,
      status >= 500 ? "internal_error" : status === 429 ? "rate_limited" : "bad_request",
    );
  const { code = "bad_request", message, requestId, details = [] } = body.error;
  // The API writes English; the person reads the language the app shows (English stays as written).
  const fields: TFieldErrors = {};
  for (const detail of details)
    if (detail.path && !(detail.path in fields)) fields[detail.path] = sentence(translateApiMessage(detail.message));
  const written = message?.trim();
  let text = written ? translateApiMessage(written) : fallback;
  // A validation error's headline is generic; the first field message tells the person what to fix.
  if (code === "validation_failed" && details.length && !Object.keys(fields).length)
    text = sentence(translateApiMessage(details[0]!.message));
  // The fallback names the wait already; the API's English may too (checked before translating).
  if (retryText && written && !/try again in/i.test(written)) text += retryText;
  return new ApiError(text, status, code, fields, requestId);
};

/** The error for a request that never got an answer (offline, DNS, the server down). */
export const networkError = (cause: unknown): ApiError => {
  if (cause instanceof DOMException && cause.name === "AbortError")
    return new ApiError(i18n.t("errors.cancelled"), 0, "aborted");
  return new ApiError(i18n.t("errors.network"), 0, "network_error");
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
  return i18n.t("errors.unknown");
};

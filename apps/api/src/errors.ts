import type { Context, ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

import { toDbError, type DbErrorCode } from "@cto/db/errors";
import { ERROR_STATUS, type TErrorCode } from "@cto/contracts/errors";

import type { AppEnv } from "./context.ts";
import { log } from "./log.ts";

export type ErrorDetail = { path: string; message: string };

/** The one error the API throws on purpose; rendered as `{ error: { code, message, requestId, details? } }`. */
export class ApiError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/**
 * 404 for a row that does not exist or is not the caller's: the two are never told apart, so another
 * user's id reveals nothing. `notFound("goal")` reads "No such goal."
 */
export const notFound = (noun: string, details?: ErrorDetail[]) =>
  new ApiError("not_found", `No such ${noun}.`, details);

/** 429 rate_limited with Retry-After: the limit's window ends in `retryAfterSeconds`. */
export class RateLimitedError extends ApiError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", message);
    this.name = "RateLimitedError";
  }
}

export const renderError = (c: Context<AppEnv>, code: TErrorCode, message: string, details?: ErrorDetail[]) =>
  c.json(
    { error: { code, message, requestId: c.get("requestId") ?? "unknown", ...(details?.length ? { details } : {}) } },
    ERROR_STATUS[code] as ContentfulStatusCode,
  );

// Database failures a client caused, in the API's words. Another user's id is "not found", never "forbidden".
const DB_ERRORS: Record<Exclude<DbErrorCode, "unavailable">, { code: TErrorCode; message: string }> = {
  conflict: { code: "conflict", message: "This already exists." },
  not_found: { code: "not_found", message: "Not found." },
  invalid_reference: { code: "not_found", message: "A referenced record was not found." },
  constraint_violation: { code: "validation_failed", message: "A value is out of its allowed range." },
  append_only: { code: "forbidden", message: "This record cannot be changed." },
};

const HTTP_ERRORS: Partial<Record<number, TErrorCode>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof RateLimitedError) c.header("Retry-After", String(error.retryAfterSeconds));
  if (error instanceof ApiError) return renderError(c, error.code, error.message, error.details);
  if (error instanceof HTTPException) {
    const code = HTTP_ERRORS[error.status] ?? (error.status >= 500 ? "internal_error" : "bad_request");
    return renderError(c, code, error.message || "The request could not be processed.");
  }
  const dbError = toDbError(error);
  if (dbError?.code === "unavailable")
    return renderError(c, "service_unavailable", "The database is not reachable; try again shortly.");
  if (dbError) {
    const mapped = DB_ERRORS[dbError.code as Exclude<DbErrorCode, "unavailable">];
    const details = dbError.constraint
      ? [{ path: dbError.fields.join(".") || dbError.constraint, message: mapped.message }]
      : undefined;
    return renderError(c, mapped.code, mapped.message, details);
  }
  (c.var.logger ?? log.child({ reqId: c.get("requestId") })).error(
    { err: error },
    `unhandled error in ${c.req.method} ${c.req.path}`,
  );
  return renderError(c, "internal_error", "Something went wrong on our side.");
};

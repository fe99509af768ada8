import { z } from "zod";

/** Every error code the API answers with; each maps to exactly one HTTP status. */
export const ErrorCode = {
  BAD_REQUEST: "bad_request",
  VALIDATION_FAILED: "validation_failed",
  UNAUTHORIZED: "unauthorized",
  FORBIDDEN: "forbidden",
  SECOND_FACTOR_REQUIRED: "second_factor_required",
  NOT_FOUND: "not_found",
  METHOD_NOT_ALLOWED: "method_not_allowed",
  CONFLICT: "conflict",
  PAYLOAD_TOO_LARGE: "payload_too_large",
  UNSUPPORTED_MEDIA_TYPE: "unsupported_media_type",
  INVALID_STATE: "invalid_state",
  RATE_LIMITED: "rate_limited",
  INTERNAL: "internal_error",
  UNAVAILABLE: "service_unavailable",
} as const;
export type TErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  // Two-factor is on and this session has not proven it lately: POST /auth/two-factor/verify, then retry.
  second_factor_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_state: 409,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<TErrorCode, number>;

export const ZErrorDetailSchema = z.object({ path: z.string(), message: z.string() });

/** The one shape of every failure: `{ "error": { "code", "message", "requestId", "details"? } }`. */
export const ZErrorSchema = z.object({
  error: z.object({
    code: z.enum(Object.values(ErrorCode) as [TErrorCode, ...TErrorCode[]]),
    message: z.string(),
    requestId: z.string(),
    details: z.array(ZErrorDetailSchema).optional(),
  }),
});
export type TError = z.infer<typeof ZErrorSchema>;

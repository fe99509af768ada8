export const AI_PROVIDER_ERROR_CODES = ["rate_limited", "timeout", "unavailable", "bad_request"] as const;
export type TAiProviderErrorCode = (typeof AI_PROVIDER_ERROR_CODES)[number];

/** The one error the AI layer throws, so callers map failures without knowing which SDK is underneath. */
export class AiProviderError extends Error {
  readonly code: TAiProviderErrorCode;
  readonly status: number | undefined;

  constructor(code: TAiProviderErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AiProviderError";
    this.code = code;
    this.status = options.status;
  }
}

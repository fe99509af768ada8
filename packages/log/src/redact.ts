/**
 * What never reaches a log line: secrets (passwords, tokens, cookies, Authorization headers, API keys,
 * credentials in URLs) and email addresses, wherever they sit — under a telling key, inside a message,
 * an error's message or stack, or a nested object. Applied to every call of every logger (see logger.ts),
 * so a careless `log.info({ body })` is safe too.
 */

export const REDACTED = "[redacted]";
export const EMAIL_REDACTED = "[email]";

// Keys whose value is a secret whatever it looks like. `token` only as the whole word or a suffix
// (accessToken, resetToken), so usage counts such as `promptTokens` stay readable.
const SECRET_KEY =
  /pass(word|wd|phrase)|secret|cookie|^authorization$|^proxy-authorization$|token$|^api[-_]?key$|^x-api-key$|^credentials?$|^otp$/i;

// Bounded, and anchored by the lookbehind at the start of a run, so hostile text stays linear.
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b/g;
// "Bearer abc", "Basic abc": the scheme stays so a reader knows a credential was sent.
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
// Cto's own secrets by their shape: API keys (cto_…), and token-like parameters (in URLs or prose).
const CTO_KEY = /\bcto_[A-Za-z0-9_-]{8,}/g;
const SECRET_PARAM =
  /\b((?:token|access_token|refresh_token|id_token|code|password|secret|api_?key|signature|sig)=)[^&#\s"]+/gi;
// user:password@ in any URL (postgresql://, redis://, https://).
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]*(?::[^\s/@]*)?@/gi;

// Every pattern above needs one of these: an "@", an "=", "cto_", or a Bearer or Basic scheme. Most
// log text (ids, job names, numbers) has none, and one test is cheaper than five replacements.
const MAY_HOLD_SECRET = /[@=]|cto_|\b(?:bearer|basic)\s/i;

export const redactText = (text: string) =>
  !MAY_HOLD_SECRET.test(text)
    ? text
    : text
        .replace(URL_CREDENTIALS, `$1${REDACTED}@`)
        .replace(EMAIL, EMAIL_REDACTED)
        .replace(AUTH_SCHEME, `$1 ${REDACTED}`)
        .replace(CTO_KEY, REDACTED)
        .replace(SECRET_PARAM, `$1${REDACTED}`);

export const isSecretKey = (key: string) => SECRET_KEY.test(key);

const MAX_DEPTH = 8;
const MAX_ITEMS = 100;

/** An Error as plain data (type, message, stack, code, cause), like pino's err serializer, so it can be redacted. */
export const errorToObject = (error: Error, seen = new WeakSet<object>()): Record<string, unknown> => {
  seen.add(error);
  const out: Record<string, unknown> = { type: error.name, message: error.message, stack: error.stack };
  for (const [key, value] of Object.entries(error)) if (!(key in out)) out[key] = value;
  if (error.cause !== undefined)
    out.cause = error.cause instanceof Error && !seen.has(error.cause) ? errorToObject(error.cause, seen) : error.cause;
  return out;
};

/** A redacted copy of `value`; the input is never changed. Deep, bounded, and safe on cycles. */
export const redact = (value: unknown, depth = 0, ancestors = new WeakSet<object>()): unknown => {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object") return value;
  if (ancestors.has(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (value instanceof Date) return value;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  ancestors.add(value);
  try {
    if (value instanceof Error) return redact(errorToObject(value), depth, ancestors);
    if (value instanceof Headers || value instanceof Map)
      return redact(Object.fromEntries(value.entries()), depth, ancestors);
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_ITEMS).map((item) => redact(item, depth + 1, ancestors));
      return value.length > MAX_ITEMS ? [...items, `[${value.length - MAX_ITEMS} more]`] : items;
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] =
        isSecretKey(key) && item !== null && item !== undefined && item !== ""
          ? REDACTED
          : redact(item, depth + 1, ancestors);
    }
    return out;
  } finally {
    ancestors.delete(value);
  }
};

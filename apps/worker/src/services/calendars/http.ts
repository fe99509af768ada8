/** Upstream that did not answer, or answered with an error: worth retrying later (BullMQ's backoff). */
export class CalendarUnreachableError extends Error {}

/** Upstream refused the credentials: retrying with the same ones cannot help. */
export class CalendarAuthError extends Error {}

/** A fetch that gives up after `timeoutMs`, so a server that never answers cannot hold a worker slot. */
export const fetchWithTimeout =
  (timeoutMs: number): typeof fetch =>
  (input, init) =>
    fetch(input, {
      ...init,
      signal: init?.signal
        ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)])
        : AbortSignal.timeout(timeoutMs),
    }).catch((error: unknown) => {
      const reason =
        (error as Error).name === "TimeoutError"
          ? `no answer within ${timeoutMs} ms`
          : String((error as Error).message);
      throw new CalendarUnreachableError(`The calendar server could not be reached: ${reason}.`);
    });

/** The refusal or failure an HTTP status stands for. */
export const failureOf = (status: number) =>
  status === 401 || status === 403
    ? new CalendarAuthError(
        `The calendar server refused access (HTTP ${status}): check the user name and password, or the URL.`,
      )
    : new CalendarUnreachableError(`The calendar server answered HTTP ${status}.`);

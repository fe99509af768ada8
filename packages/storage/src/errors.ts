/**
 * Every storage failure is a `StorageError` with a code, so callers can tell "that object is not
 * there" (a stale key: 404 to the user) from "the store is down" (retry later) without knowing
 * which driver is configured.
 */
export type TStorageErrorCode = "not_found" | "invalid_key" | "unavailable";

export class StorageError extends Error {
  readonly code: TStorageErrorCode;

  constructor(code: TStorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StorageError";
    this.code = code;
  }
}

export const isStorageError = (error: unknown, code?: TStorageErrorCode): error is StorageError =>
  error instanceof StorageError && (code === undefined || error.code === code);

/** An object read back from storage. */
export type TStoredObject = { body: Uint8Array; contentType: string };

/**
 * Where uploads live. Keys come from `newStorageKey` (validated, never user paths). `get` throws
 * `StorageError("not_found")` for a missing object; `delete` is idempotent; every other failure is
 * `StorageError("unavailable")`.
 */
export type TStorage = {
  driver: "local" | "s3";
  put: (key: string, body: Uint8Array, options: { contentType: string }) => Promise<void>;
  get: (key: string) => Promise<TStoredObject>;
  delete: (key: string) => Promise<void>;
};

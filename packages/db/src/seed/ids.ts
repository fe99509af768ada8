import { createHash } from "node:crypto";

/**
 * A stable UUID for a named seed row (UUID v5 layout over SHA-1), so every run of the seed
 * addresses the same rows and inserts that already happened are skipped.
 */
export const seedId = (name: string): string => {
  const bytes = createHash("sha1").update(`cto-seed:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

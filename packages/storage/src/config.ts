import path from "node:path";

import { z } from "zod";

import { createLocalStorage } from "./local.ts";
import { createS3Storage, type TS3StorageConfig } from "./s3.ts";
import type { TStorage } from "./storage.ts";

const flag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

/**
 * The storage variables, for an app's env.ts to merge into its own schema (`.extend(….shape)`
 * plus `.superRefine(requireS3Settings)`), so storage is configured where all env is: at start.
 */
export const ZStorageEnvSchema = z.object({
  STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
  /** The local driver's folder; the data folder's `uploads/` when unset. */
  STORAGE_DIR: z.string().min(1).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default("auto"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: flag.default(true),
});
export type TStorageEnv = z.infer<typeof ZStorageEnvSchema>;

const S3_REQUIRED = ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

/** With STORAGE_DRIVER=s3, the bucket and credentials must be there: a start-up error names each one missing. */
export const requireS3Settings = (env: TStorageEnv, context: z.RefinementCtx) => {
  if (env.STORAGE_DRIVER !== "s3") return;
  for (const name of S3_REQUIRED)
    if (!env[name]) context.addIssue({ code: "custom", path: [name], message: "required when STORAGE_DRIVER=s3" });
};

export type TStorageConfig = { driver: "local"; root: string } | ({ driver: "s3" } & TS3StorageConfig);

/** `dataDir` is the app's data folder (`@cto/db/paths` defaultDataDir()); local files go to its `uploads/`. */
export const storageConfigFromEnv = (env: TStorageEnv, { dataDir }: { dataDir: string }): TStorageConfig => {
  if (env.STORAGE_DRIVER === "local")
    return { driver: "local", root: env.STORAGE_DIR ?? path.join(dataDir, "uploads") };
  const missing = S3_REQUIRED.filter((name) => !env[name]);
  if (missing.length) throw new Error(`STORAGE_DRIVER=s3 needs ${missing.join(", ")}.`);
  return {
    driver: "s3",
    bucket: env.S3_BUCKET!,
    region: env.S3_REGION,
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
};

export const createStorage = (config: TStorageConfig): TStorage =>
  config.driver === "local" ? createLocalStorage(config) : createS3Storage(config);

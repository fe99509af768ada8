import path from "node:path";

import { describe, expect, it } from "vitest";

import { requireS3Settings, storageConfigFromEnv, ZStorageEnvSchema } from "./config.ts";

const parse = (env: Record<string, string>) => ZStorageEnvSchema.superRefine(requireS3Settings).safeParse(env);

describe("storage configuration", () => {
  it("defaults to local files in the data folder's uploads", () => {
    const env = parse({});
    expect(env.success).toBe(true);
    expect(storageConfigFromEnv(env.data!, { dataDir: "/srv/cto" })).toEqual({
      driver: "local",
      root: path.join("/srv/cto", "uploads"),
    });
    expect(storageConfigFromEnv(parse({ STORAGE_DIR: "/mnt/uploads" }).data!, { dataDir: "/srv/cto" })).toEqual({
      driver: "local",
      root: "/mnt/uploads",
    });
  });

  it("configures S3 from its variables, path style unless told otherwise", () => {
    const env = parse({
      STORAGE_DRIVER: "s3",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_BUCKET: "b",
      S3_ACCESS_KEY_ID: "id",
      S3_SECRET_ACCESS_KEY: "secret",
      S3_FORCE_PATH_STYLE: "false",
    });
    expect(storageConfigFromEnv(env.data!, { dataDir: "/x" })).toEqual({
      driver: "s3",
      bucket: "b",
      region: "auto",
      endpoint: "http://127.0.0.1:9000",
      accessKeyId: "id",
      secretAccessKey: "secret",
      forcePathStyle: false,
    });
    expect(
      parse({ STORAGE_DRIVER: "s3", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "s" }).data!
        .S3_FORCE_PATH_STYLE,
    ).toBe(true);
  });

  it("names every missing S3 setting and refuses unknown drivers", () => {
    const env = parse({ STORAGE_DRIVER: "s3", S3_BUCKET: "b" });
    expect(env.success).toBe(false);
    expect(env.error!.issues.map((issue) => issue.path.join("."))).toEqual([
      "S3_ACCESS_KEY_ID",
      "S3_SECRET_ACCESS_KEY",
    ]);
    expect(parse({ STORAGE_DRIVER: "ftp" }).success).toBe(false);
    expect(() =>
      storageConfigFromEnv({ ...ZStorageEnvSchema.parse({}), STORAGE_DRIVER: "s3" }, { dataDir: "/x" }),
    ).toThrow(/S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/);
  });
});

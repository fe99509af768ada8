import type { S3Client } from "@aws-sdk/client-s3";

import { StorageError } from "./errors.ts";
import { assertValidKey } from "./keys.ts";
import type { TStorage } from "./storage.ts";

export type TS3StorageConfig = {
  bucket: string;
  region: string;
  /** Unset for AWS itself; any S3-compatible server (R2, MinIO, Ceph…) otherwise. */
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://host/bucket/key` rather than `https://bucket.host/key`; most self-hosted stores need it. */
  forcePathStyle: boolean;
};

// The SDK takes about 25 MB of a process's memory once loaded; most deployments keep their files on disk,
// so it is loaded at the first use of S3 storage, not with the package.
let sdk: Promise<typeof import("@aws-sdk/client-s3")> | undefined;
const loadSdk = () => (sdk ??= import("@aws-sdk/client-s3"));

const isNotFound = async (error: unknown) => {
  const { S3ServiceException } = await loadSdk();
  return (
    error instanceof S3ServiceException &&
    (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404)
  );
};

export const createS3Storage = (config: TS3StorageConfig): TStorage => {
  let client: Promise<S3Client> | undefined;
  const s3 = () =>
    (client ??= loadSdk().then(
      ({ S3Client }) =>
        new S3Client({
          region: config.region,
          ...(config.endpoint ? { endpoint: config.endpoint } : {}),
          forcePathStyle: config.forcePathStyle,
          credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
          // The SDK's default CRC checksums on every request are not understood by many S3-compatible
          // stores (older MinIO, Ceph, some R2 setups); only send them where the API requires them.
          requestChecksumCalculation: "WHEN_REQUIRED",
          responseChecksumValidation: "WHEN_REQUIRED",
          maxAttempts: 3,
        }),
    ));
  const unavailable = (action: string, key: string, cause: unknown) =>
    new StorageError(
      "unavailable",
      `Could not ${action} ${key} in bucket ${config.bucket}: ${(cause as Error).message}`,
      { cause },
    );

  return {
    driver: "s3",
    put: async (key, body, { contentType }) => {
      assertValidKey(key);
      try {
        const { PutObjectCommand } = await loadSdk();
        await (await s3()).send(
          new PutObjectCommand({
            Bucket: config.bucket,
            Key: key,
            Body: body,
            ContentType: contentType,
            ContentLength: body.byteLength,
          }),
        );
      } catch (error) {
        throw unavailable("write", key, error);
      }
    },
    get: async (key) => {
      assertValidKey(key);
      try {
        const { GetObjectCommand } = await loadSdk();
        const object = await (await s3()).send(new GetObjectCommand({ Bucket: config.bucket, Key: key }));
        if (!object.Body) throw new Error("the response had no body");
        return {
          body: await object.Body.transformToByteArray(),
          contentType: object.ContentType ?? "application/octet-stream",
        };
      } catch (error) {
        if (await isNotFound(error)) throw new StorageError("not_found", `No stored object ${key}.`, { cause: error });
        throw unavailable("read", key, error);
      }
    },
    delete: async (key) => {
      assertValidKey(key);
      try {
        const { DeleteObjectCommand } = await loadSdk();
        await (await s3()).send(new DeleteObjectCommand({ Bucket: config.bucket, Key: key }));
      } catch (error) {
        // S3 answers 204 for a missing key; stores that answer 404 mean the same thing.
        if (await isNotFound(error)) return;
        throw unavailable("delete", key, error);
      }
    },
  };
};

import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small stand-in for an S3-compatible store on 127.0.0.1, path style (`/bucket/key`), speaking
 * the PutObject / GetObject / DeleteObject shapes the SDK sends and parses: XML errors with
 * `NoSuchKey` / `NoSuchBucket`, ETags, Content-Type round trips. `failWith(status)` makes every
 * request fail until cleared, to test how a store outage surfaces.
 */
export type TS3Request = { method: string; path: string; headers: IncomingMessage["headers"] };

const xmlError = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>stand-in</RequestId></Error>`;

export const startS3StandIn = async ({ bucket }: { bucket: string }) => {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const requests: TS3Request[] = [];
  let failure: number | undefined;

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://stand-in");
    requests.push({ method: req.method ?? "", path: url.pathname, headers: req.headers });
    const send = (status: number, body = "", headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        "x-amz-request-id": "stand-in",
        ...(body ? { "content-type": "application/xml" } : {}),
        ...headers,
      });
      res.end(body);
    };
    if (failure) return send(failure, xmlError("InternalError", "The stand-in was told to fail."));
    const [, bucketName, ...rest] = url.pathname.split("/");
    const key = decodeURIComponent(rest.join("/"));
    if (bucketName !== bucket) return send(404, xmlError("NoSuchBucket", "The specified bucket does not exist."));
    if (!req.headers.authorization?.startsWith("AWS4-HMAC-SHA256 "))
      return send(403, xmlError("AccessDenied", "Unsigned request."));
    if (req.method === "PUT") {
      objects.set(key, {
        body: Buffer.concat(chunks),
        contentType: req.headers["content-type"] ?? "binary/octet-stream",
      });
      return send(200, "", { etag: `"${objects.size}"` });
    }
    if (req.method === "GET") {
      const object = objects.get(key);
      if (!object) return send(404, xmlError("NoSuchKey", "The specified key does not exist."));
      res.writeHead(200, {
        "content-type": object.contentType,
        "content-length": String(object.body.length),
        etag: '"1"',
      });
      return res.end(object.body);
    }
    if (req.method === "DELETE") {
      objects.delete(key);
      return send(204);
    }
    return send(405, xmlError("MethodNotAllowed", "Not supported by the stand-in."));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    failWith: (status: number | undefined) => {
      failure = status;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
};

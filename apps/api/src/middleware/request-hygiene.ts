import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";

import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

/** Request bodies are JSON: anything else is refused with 415 before a handler runs. */
export const requireJsonBody = createMiddleware<AppEnv>(async (c, next) => {
  const length = c.req.header("content-length");
  const hasBody = length !== undefined ? length !== "0" : c.req.header("transfer-encoding") !== undefined;
  if (BODY_METHODS.has(c.req.method) && hasBody && !/^application\/(.+\+)?json\b/i.test(c.req.header("content-type") ?? ""))
    throw new ApiError("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
  return next();
});

export const limitBodySize = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`);
    },
  });

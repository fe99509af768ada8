import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";

import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);
/** Routes that take multipart/form-data rather than JSON; each checks its own body type and size. */
const MULTIPART_ROUTES = [/^\/analysis-sessions\/[^/]+\/screenshot\/?$/];
export const isMultipartRoute = (path: string) => MULTIPART_ROUTES.some((route) => route.test(path));

/** Request bodies are JSON: anything else is refused with 415 before a handler runs. */
export const requireJsonBody = createMiddleware<AppEnv>(async (c, next) => {
  if (isMultipartRoute(c.req.path)) return next();
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

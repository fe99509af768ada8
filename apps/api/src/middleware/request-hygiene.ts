import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";

import { excessiveJsonNesting, MAX_BODY_DEPTH } from "@cto/contracts/values";

import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);
const BODILESS_METHODS = new Set(["GET", "HEAD"]);
/** Routes that take multipart/form-data rather than JSON; each checks its own body type and size. */
const MULTIPART_ROUTES = [/^\/analysis-sessions\/[^/]+\/screenshot\/?$/, /^\/documents\/?$/];
/** Routes that read their JSON body as it arrives (and limit its size themselves). */
const STREAMED_JSON_ROUTES = ["/me/import"];
/** Routes that read a file as it arrives, JSON or not (and check its type and size themselves). */
const STREAMED_FILE_ROUTES = ["/conversations/import"];
/** RFC 8058 one-click unsubscribe: mail clients POST a form body (`List-Unsubscribe=One-Click`), which the route ignores. */
const FORM_ROUTES = ["/unsubscribe"];
export const isMultipartRoute = (path: string) => MULTIPART_ROUTES.some((route) => route.test(path));
/** Routes whose body the general size limit does not cover: each counts its own bytes against a limit of its own. */
export const limitsOwnBody = (path: string) =>
  STREAMED_JSON_ROUTES.includes(path) || STREAMED_FILE_ROUTES.includes(path) || isMultipartRoute(path);

/**
 * Request bodies are JSON: anything else is refused with 415 before a handler runs, and a body nested
 * deeper than MAX_BODY_DEPTH with 400 before it is parsed (a value nested 100,000 deep overflows the
 * stack of whatever walks it next). The text read here is the one the route's validator parses.
 */
export const requireJsonBody = createMiddleware<AppEnv>(async (c, next) => {
  if (isMultipartRoute(c.req.path) || STREAMED_FILE_ROUTES.includes(c.req.path) || FORM_ROUTES.includes(c.req.path))
    return next();
  const length = c.req.header("content-length");
  const hasBody = length !== undefined ? length !== "0" : c.req.header("transfer-encoding") !== undefined;
  if (!/^application\/(.+\+)?json\b/i.test(c.req.header("content-type") ?? "")) {
    if (BODY_METHODS.has(c.req.method) && hasBody)
      throw new ApiError("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
    return next();
  }
  // Whatever the length headers say: the validator parses any body that says it is JSON.
  // The archive import reads its body as it streams, checking nesting itself, instead of as one text.
  if (!c.req.raw.body || STREAMED_JSON_ROUTES.includes(c.req.path)) return next();
  const tooDeep = excessiveJsonNesting(await c.req.text(), MAX_BODY_DEPTH);
  if (tooDeep)
    throw new ApiError("validation_failed", "The request body is nested too deep.", [
      { path: tooDeep.join(".") || "(body)", message: `Nested deeper than ${MAX_BODY_DEPTH} levels.` },
    ]);
  return next();
});

export const limitBodySize = (maxBytes: number) => {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`);
    },
  });
  // A GET or HEAD body is never read (the web Request of a read has none), so there is nothing to
  // limit; asking bodyLimit would build that whole Request for every read just to find that out.
  return createMiddleware<AppEnv>((c, next) => (BODILESS_METHODS.has(c.req.method) ? next() : limit(c, next)));
};

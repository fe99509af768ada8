import { IncomingMessage } from "node:http";

import type { Context } from "hono";
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

const JSON_TYPE = /^application\/(.+\+)?json\b/i;

/**
 * Node's request under @hono/node-server (`c.env.incoming`) while nothing has started reading its body;
 * null elsewhere (`app.request` in tests) and once Hono's web Request reads it.
 */
const unreadNodeRequest = (c: Context): IncomingMessage | null => {
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  if (!(incoming instanceof IncomingMessage)) return null;
  return incoming.readableFlowing === null && !incoming.readableEnded ? incoming : null;
};

/**
 * The body's text straight from Node's request, or null once it grows past `maxBytes` (the rest is left
 * to Node, which discards it). Hono would read it from the web Request it builds around Node's for the
 * purpose, with a stream, an abort signal and the headers copied: on a small JSON write, more work
 * than the write's own query. Decoded as the web Request decodes it (UTF-8, a BOM dropped).
 */
const readNodeBody = (incoming: IncomingMessage, maxBytes: number) =>
  new Promise<string | null>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      incoming.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      done();
      resolve(null);
    };
    const onEnd = () => {
      done();
      resolve(new TextDecoder().decode(Buffer.concat(chunks, size)));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onClose = () => {
      done();
      reject(new Error("The request was closed before its body arrived."));
    };
    incoming.on("data", onData).once("end", onEnd).once("error", onError).once("close", onClose);
  });

const tooLarge = (maxBytes: number) =>
  new ApiError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`);

/**
 * Request bodies are JSON: anything else is refused with 415 before a handler runs, a body larger than
 * `maxBytes` with 413, and one nested deeper than MAX_BODY_DEPTH with 400 before it is parsed (a value
 * nested 100,000 deep overflows the stack of whatever walks it next). The text read here is the one the
 * route's validator parses (`c.req.json()` finds it in Hono's body cache).
 */
export const requireJsonBody = (maxBytes: number) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (isMultipartRoute(c.req.path) || STREAMED_FILE_ROUTES.includes(c.req.path) || FORM_ROUTES.includes(c.req.path))
      return next();
    const length = c.req.header("content-length");
    const hasBody = length !== undefined ? length !== "0" : c.req.header("transfer-encoding") !== undefined;
    if (!JSON_TYPE.test(c.req.header("content-type") ?? "")) {
      if (BODY_METHODS.has(c.req.method) && hasBody)
        throw new ApiError("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
      return next();
    }
    // The archive import reads its body as it streams, checking nesting itself, instead of as one text.
    if (STREAMED_JSON_ROUTES.includes(c.req.path) || BODILESS_METHODS.has(c.req.method)) return next();
    // Whatever the length headers say: the validator parses any body that says it is JSON.
    const incoming = unreadNodeRequest(c);
    let text: string;
    if (incoming) {
      if (Number(length) > maxBytes) throw tooLarge(maxBytes);
      const read = await readNodeBody(incoming, maxBytes);
      if (read === null) throw tooLarge(maxBytes);
      text = read;
      // Hono keeps each read of the body as its promise (its type names the value).
      (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
    } else {
      if (!c.req.raw.body) return next();
      text = await c.req.text();
    }
    const tooDeep = excessiveJsonNesting(text, MAX_BODY_DEPTH);
    if (tooDeep)
      throw new ApiError("validation_failed", "The request body is nested too deep.", [
        { path: tooDeep.join(".") || "(body)", message: `Nested deeper than ${MAX_BODY_DEPTH} levels.` },
      ]);
    return next();
  });

/**
 * Limits the size of a body read otherwise than as JSON text by `requireJsonBody` (which counts its own):
 * the uploads' multipart bodies, and JSON bodies outside Node's server (`app.request` in tests).
 */
export const limitBodySize = (maxBytes: number) => {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge(maxBytes);
    },
  });
  return createMiddleware<AppEnv>((c, next) => {
    // A GET or HEAD body is never read (the web Request of a read has none), so there is nothing to
    // limit; asking bodyLimit would build that whole Request for every read just to find that out.
    if (BODILESS_METHODS.has(c.req.method)) return next();
    if (JSON_TYPE.test(c.req.header("content-type") ?? "") && !limitsOwnBody(c.req.path) && unreadNodeRequest(c))
      return next();
    return limit(c, next);
  });
};

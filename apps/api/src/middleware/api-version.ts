import type { MiddlewareHandler } from "hono";
import { getPath } from "hono/utils/url";

import { renderError } from "../errors.ts";
import type { AppEnv } from "../context.ts";

/**
 * The API version this server speaks. A change that could break a client that works today (a field
 * removed, renamed or retyped, a status changed, a stricter rule) ships as the next version while this
 * one stays served; additions (routes, optional fields, new enum values on output) land in this one.
 */
export const API_VERSION = 1;
export const API_VERSION_HEADER = "Cto-Api-Version";

const VERSION_PREFIX = /^\/v([1-9]\d*)(?=\/|$)/;

const requestedPathVersion = (path: string) => {
  const match = VERSION_PREFIX.exec(path);
  return match ? { version: Number(match[1]), prefix: match[0] } : null;
};

/**
 * The path the routes match: `/v1/goals` is `/goals`. Unversioned paths are version 1 for good, so the
 * clients written before versions existed (and the web app) keep working when a version 2 arrives.
 */
export const routedPath = (request: Request) => {
  const path = getPath(request);
  const requested = requestedPathVersion(path);
  if (requested?.version !== API_VERSION) return path;
  return path.slice(requested.prefix.length) || "/";
};

/**
 * Names the version of every answer, and refuses one asked for that this server does not speak,
 * whether in the path (`/v2/…`: 404, since no such route exists here) or in the header (400).
 */
export const apiVersion: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.header(API_VERSION_HEADER, String(API_VERSION));
  // The routed path: /v1 is already taken off it, so a version left at its start is one this server does not speak.
  const requested = requestedPathVersion(c.req.path);
  if (requested && requested.version !== API_VERSION)
    return renderError(
      c,
      "not_found",
      `API version ${requested.version} is not served here; this server speaks version ${API_VERSION} (/v${API_VERSION}/… or unversioned paths).`,
    );
  const asked = c.req.header(API_VERSION_HEADER);
  if (asked !== undefined && asked.trim() !== String(API_VERSION))
    return renderError(c, "validation_failed", "The request is not valid; see details.", [
      {
        path: `headers.${API_VERSION_HEADER.toLowerCase()}`,
        message: `This server speaks API version ${API_VERSION}; ${JSON.stringify(asked)} is not one it serves.`,
      },
    ]);
  await next();
};

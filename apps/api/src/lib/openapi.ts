import { OpenAPIHono, z } from "@hono/zod-openapi";

import { ZErrorSchema } from "@cto/contracts/errors";

import type { AppEnv } from "../context.ts";
import { renderError } from "../errors.ts";

const errorContent = { "application/json": { schema: ZErrorSchema } };

type TRouteConfig = Parameters<OpenAPIHono<AppEnv>["openapi"]>[0];

/**
 * Statuses the app's own middleware can answer on a route, whatever its handler does: a body that is
 * too large (413) or not JSON (415) on any write, the CSRF check (403) on a signed-in write, and 503
 * when the database (or Redis, where a route needs it) cannot be reached.
 */
const impliedResponses = (route: TRouteConfig) => {
  const write = route.method !== "get" && route.method !== "head";
  const statuses = [
    503,
    ...(write || route.request?.body ? [413, 415] : []),
    ...(write && route.security?.length ? [403] : []),
  ];
  return Object.fromEntries(
    statuses.map((status) => [status, { description: IMPLIED_DESCRIPTIONS[status]!, content: errorContent }]),
  );
};
const IMPLIED_DESCRIPTIONS: Record<number, string> = {
  403: "Not allowed (also a signed-in write from another origin: the CSRF check)",
  413: "Request body too large",
  415: "Request body is not JSON",
  503: "The database, or a service this route needs, cannot be reached; try again shortly",
};

/**
 * A router whose request validation failures answer 400 `validation_failed` with each field's path,
 * and whose routes document the statuses the app's middleware adds (`impliedResponses`).
 */
export const createRouter = ({ getPath }: { getPath?: (request: Request) => string } = {}) => {
  const router = new OpenAPIHono<AppEnv>({
    ...(getPath ? { getPath } : {}),
    defaultHook: (result, c) => {
      if (result.success) return;
      const details = result.error.issues.map((issue) => ({
        path: issue.path.join(".") || "(body)",
        message: issue.message,
      }));
      return renderError(c, "validation_failed", "The request is not valid; see details.", details);
    },
  });
  const register = router.openapi;
  router.openapi = ((route: TRouteConfig, ...rest: unknown[]) => {
    // Status keys are integer-like, so the document lists them in numeric order whatever the merge order.
    return (register as (...args: unknown[]) => unknown)(
      { ...route, responses: { ...impliedResponses(route), ...route.responses } },
      ...rest,
    );
  }) as typeof register;
  return router;
};

/** The error responses every route documents, plus those it names. */
export const errorResponses = (...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 429)[]) => {
  const descriptions: Record<number, string> = {
    400: "Invalid request (validation_failed or bad_request, with field paths in details)",
    401: "Not signed in, or the API key is invalid",
    403: "Not allowed",
    404: "Not found (also for another user's records)",
    409: "Conflict with the current state",
    413: "Request body too large",
    415: "Request body is not JSON",
    429: "Too many requests; see Retry-After",
  };
  const wanted = new Set([400, 401, ...statuses]);
  return Object.fromEntries(
    [...wanted].map((status) => [status, { description: descriptions[status]!, content: errorContent }]),
  );
};

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/**
 * The documented body of a file upload: multipart/form-data with the file in `field`. A plain JSON
 * Schema, not zod, so no form validator runs before the handler reads (and limits) the body itself.
 */
export const multipartFileBody = (field: string, description: string) => ({
  required: true,
  content: {
    "multipart/form-data": {
      schema: {
        type: "object" as const,
        properties: { [field]: { type: "string" as const, format: "binary", description } },
        required: [field],
      },
    },
  },
});

export const ZIdParamsSchema = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: "id", in: "path" }, example: "3f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f" }),
});

/**
 * The spec of `DELETE /{id}`: 204 once the caller's row is gone, 404 when they have none of that id.
 * `done` names the 204 where "Deleted" would mislead (a calendar is disconnected: what the provider holds stays).
 */
export const deleteByIdSpec = (summary: string, done = "Deleted") => ({
  method: "delete" as const,
  path: "/{id}" as const,
  request: { params: ZIdParamsSchema },
  summary,
  responses: { 204: { description: done }, ...errorResponses(404) },
});

export const SECURITY: Record<string, string[]>[] = [{ sessionCookie: [] }, { apiKey: [] }];

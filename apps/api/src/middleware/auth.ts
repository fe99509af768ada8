import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";

import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import { resolveApiKey } from "../services/api-keys.ts";
import { resolveSession } from "../services/sessions.ts";

export const SESSION_COOKIE = "cto_session";
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Who is calling: an API key as a bearer token (API consumers), or the session cookie (the SPA).
 * Cookie-authenticated writes must come from the SPA's origin or the API's own (CSRF protection,
 * on top of SameSite cookies); bearer requests carry no ambient credentials and need no such check.
 */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const db = c.get("db");
  const cache = c.get("authCache");
  const authorization = c.req.header("authorization");
  if (authorization) {
    const [scheme, key] = authorization.split(" ");
    const auth = scheme?.toLowerCase() === "bearer" && key ? await resolveApiKey({ db, key, cache }) : undefined;
    if (!auth) throw new ApiError("unauthorized", "The API key is invalid, expired or revoked.");
    c.set("auth", auth);
    return next();
  }
  const token = getCookie(c, SESSION_COOKIE);
  const auth = token ? await resolveSession({ db, config: c.get("config"), token, cache }) : undefined;
  if (!auth) throw new ApiError("unauthorized", "Sign in first, or send an API key as a bearer token.");
  if (UNSAFE_METHODS.has(c.req.method)) {
    const origin = c.req.header("origin");
    const allowed = [c.get("config").webOrigin, new URL(c.req.url).origin];
    if (!origin || !allowed.includes(origin))
      throw new ApiError("forbidden", "Cross-site request refused (CSRF check): send it from the Cto web app.");
  }
  c.set("auth", auth);
  return next();
});

export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("auth").role !== "ADMIN") throw new ApiError("forbidden", "This needs an administrator.");
  return next();
});

import { Scalar } from "@scalar/hono-api-reference";
import type { Context, Next } from "hono";
import { createMiddleware } from "hono/factory";
import { NONCE, secureHeaders } from "hono/secure-headers";

import type { AppEnv } from "../context.ts";

type TPolicy = NonNullable<NonNullable<Parameters<typeof secureHeaders>[0]>["contentSecurityPolicy"]>;

const LOCKED: TPolicy = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/**
 * Every response the API sends: nothing in it may run, load or be framed. JSON is never a page, but
 * a browser that is made to render one as HTML (a sniffed error, a hostile link) gets nothing to run.
 * Pages set their own policy first; this one fills in only where none is set.
 */
export const lockedDownHeaders = secureHeaders({ contentSecurityPolicy: LOCKED, overwrite: false });

/**
 * The Scalar reference at /docs is one script: @scalar/api-reference's standalone bundle, pinned to
 * a version on jsDelivr and checked by Subresource Integrity, so neither the CDN nor a new release
 * can change what runs. (The integration's default is the unpinned latest ESM build, which loads
 * further chunks.) Upgrading: change the version, then the hash: `npm pack
 * @scalar/api-reference@<version>` and `openssl dgst -sha384 -binary package/dist/browser/standalone.js | openssl base64 -A`.
 */
export const SCALAR_BUNDLE = {
  url: "https://cdn.jsdelivr.net/npm/@scalar/api-reference@1.76.4/dist/browser/standalone.js",
  integrity: "sha384-hwB9WroDTpZaI38gr+u9CXA6ksz5gUYgD2GxXazKl/agT1L2GWUiRFWGJYNiFu4Q",
};

// The page's inline start script runs by its nonce; the bundle injects its styles at run time (hence
// inline styles); it fetches the OpenAPI document and "Try it" requests go to this API ('self').
// Scalar's fonts (fonts.scalar.com) and its request proxy are not allowed: the page uses system fonts.
const DOCS: TPolicy = {
  ...LOCKED,
  scriptSrc: [NONCE, SCALAR_BUNDLE.url],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:", "blob:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", "blob:"],
};

const scalarPage = Scalar<AppEnv>((c) => ({
  url: "/openapi.json",
  pageTitle: "Cto API",
  cdn: SCALAR_BUNDLE.url,
  nonce: c.get("secureHeadersNonce"),
  withDefaultFonts: false,
  // Scalar's AI agent, developer toolbar and telemetry talk to Scalar's servers, which the policy refuses.
  agent: { disabled: true },
  showDeveloperTools: "never",
  telemetry: false,
}));

/** The Content-Security-Policy of GET /docs (its nonce is what `docsPage` gives the start script). */
export const docsHeaders = secureHeaders({ contentSecurityPolicy: DOCS });

/** GET /docs: the API reference, its script tag carrying the SRI hash. */
export const docsPage = async (c: Context<AppEnv>, next: Next) => {
  const page = await scalarPage(c, next);
  if (!(page instanceof Response)) return page;
  const tag = `<script src="${SCALAR_BUNDLE.url}"`;
  const html = await page.text();
  if (!html.includes(tag)) throw new Error("The Scalar page no longer loads its pinned bundle; see SCALAR_BUNDLE");
  return c.html(html.replace(tag, `${tag} integrity="${SCALAR_BUNDLE.integrity}" crossorigin="anonymous"`));
};

/**
 * Bull Board (/admin/queues) serves its own scripts and styles; its page has inline styles and a
 * `<base>`. Its Google Fonts stylesheet is not allowed (an administrator's browser asks Google for
 * nothing); the board falls back to system fonts.
 */
export const queueBoardHeaders = secureHeaders({
  contentSecurityPolicy: {
    ...LOCKED,
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
});

/**
 * What a signed-in user is shown, and any response that sets a cookie (sign-in, sign-up, sign-out),
 * is kept by no browser or shared cache: `Cache-Control: no-store`.
 */
export const noStoreWhenPersonal = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  // On the response's own headers: `c.header` after the handler would rebuild its body as a stream.
  if (c.get("auth") || c.res.headers.has("set-cookie")) c.res.headers.set("Cache-Control", "no-store");
});

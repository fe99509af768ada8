import type { ProxyOptions } from "vite";

/**
 * The web server's proxy to the API, for the dev server, `vite preview` and the e2e stack alike:
 * `/api/*` with the prefix taken off, and Bull Board's own paths as they are. The board is served by
 * the API at /admin/queues and its page sets `<base href="/admin/queues/">`, so after the first page
 * (opened as /api/admin/queues) its scripts, styles and JSON calls ask for /admin/queues/… directly;
 * without this entry they would get the SPA's index.html. The SPA's own /admin page is not under it.
 */
export const apiProxy = (target: string): Record<string, ProxyOptions> => ({
  "/api": { target, rewrite: (path) => path.replace(/^\/api/, "") },
  "^/admin/queues(/|$)": { target },
});

/**
 * What pages of the built SPA may load and run: its own scripts, styles, fonts, service worker and API
 * only, and no plugins, framing or `<base>` elsewhere. Images may also be data: URLs (the two-factor QR
 * code), blob: URLs (a screenshot's preview before upload) and any https URL (a profile photo is a link
 * the user gives). Scripts exclude inline code and `eval`: an injected `<script>` or `onerror=` does not
 * run even if markup ever got through (chat replies are markdown, sanitized). The production server
 * (app.ts) sends it with every page and file, and `vite preview` (vite.config.ts) too, so the end-to-end
 * suite runs the whole app under it; the dev server does not, since Vite's hot reload runs inline code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");

import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

import { apiProxy } from "./api-proxy.ts";
import { CONTENT_SECURITY_POLICY } from "./server/content-security-policy.ts";

// The SPA calls the API through this proxy (dev server and `vite preview`), so cookies stay same-origin.
const apiOrigin = process.env.CTO_API_ORIGIN ?? "http://127.0.0.1:3000";
const proxy = apiProxy(apiOrigin);
const port = Number(process.env.WEB_PORT ?? 5173);

/**
 * The installable app: a web manifest, and a Workbox service worker (production builds only) that
 * precaches the built app (index.html, every script and style sheet, about 1.1 MB, 350 KB compressed;
 * never the source maps) so every page opens offline. Navigations fall back to the cached index.html;
 * the API is never cached, so offline the app shows its pages and says that requests fail, as without
 * the worker. A new build replaces the cache and takes over on the next visit.
 */
const pwa = VitePWA({
  registerType: "autoUpdate",
  injectRegister: "script-defer",
  includeAssets: ["favicon.svg", "icons/apple-touch-icon.png"],
  manifest: {
    id: "/",
    name: "Cto — your AI coach",
    short_name: "Cto",
    description: "Coaching conversations with memory, goals and commitments with reminders, check-ins and reports.",
    lang: "en",
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: "#4f46e5",
    background_color: "#f8fafc",
    icons: [
      { src: "/icons/cto-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/cto-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/cto-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  },
  workbox: {
    globPatterns: ["**/*.{html,js,css,svg,png,woff2}"],
    navigateFallback: "/index.html",
    navigateFallbackDenylist: [/^\/api\//],
    cleanupOutdatedCaches: true,
  },
});

export default defineConfig({
  plugins: [react(), tailwindcss(), pwa],
  cacheDir: "../../.cache/vite",
  server: { host: "127.0.0.1", port, proxy },
  // As the production server sends it (server/content-security-policy.ts), so the e2e suite runs under it.
  preview: { host: "127.0.0.1", port, proxy, headers: { "Content-Security-Policy": CONTENT_SECURITY_POLICY } },
  // dist/client: the production server (server/, built to dist/server) serves it.
  build: { target: "es2022", sourcemap: true, outDir: "dist/client" },
});

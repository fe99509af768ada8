import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

import { apiProxy } from "./api-proxy.ts";

// The SPA calls the API through this proxy (dev server and `vite preview`), so cookies stay same-origin.
const apiOrigin = process.env.CTO_API_ORIGIN ?? "http://127.0.0.1:3000";
const proxy = apiProxy(apiOrigin);
const port = Number(process.env.WEB_PORT ?? 5173);

export default defineConfig({
  plugins: [react(), tailwindcss()],
  cacheDir: "../../.cache/vite",
  server: { host: "127.0.0.1", port, proxy },
  preview: { host: "127.0.0.1", port, proxy },
  // dist/client: the production server (server/, built to dist/server) serves it.
  build: { target: "es2022", sourcemap: true, outDir: "dist/client" },
});

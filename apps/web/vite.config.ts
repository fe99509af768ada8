import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development the SPA calls the API through this proxy, so cookies stay same-origin.
const apiOrigin = process.env.CTO_API_ORIGIN ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  cacheDir: "../../.cache/vite",
  server: { host: "127.0.0.1", port: Number(process.env.WEB_PORT ?? 5173), proxy: { "/api": { target: apiOrigin, rewrite: (path) => path.replace(/^\/api/, "") } } },
});

// The apps a production deployment runs, and the one command each runs with (the images' CMD, the
// `start:prod` script of each app, `pnpm start:prod`); tests check the Dockerfile and the scripts agree.
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

/**
 * The API's V8 heap settings. Under load most of what the API allocates dies within a request, yet
 * V8 let the old generation grow to about 2.5 times what was live before collecting it: a peak of
 * 380-430 MB for a live heap of 100-110 MB (`pnpm bench:api`). A smaller young generation
 * (`--max-semi-space-size`, MB) and an old generation grown by a quarter of what survived each full
 * collection (`--heap-growing-percent`) keep the peak near 270 MB for the same CPU per request. Neither
 * is a limit: a larger live heap (a big import) still gets the room it needs.
 */
export const API_HEAP_FLAGS = ["--max-semi-space-size=8", "--heap-growing-percent=25"];

/** @type {Record<"api" | "worker" | "web", { package: string; start: string[] }>} */
export const APPS = {
  api: { package: "@cto/api", start: ["node", ...API_HEAP_FLAGS, "dist/index.js"] },
  worker: { package: "@cto/worker", start: ["node", "dist/index.js"] },
  web: { package: "@cto/web", start: ["node", "dist/server/main.js"] },
};

/** The migration step, run from the API's deployment (its image): `npm run db:deploy`. */
export const MIGRATE = ["npm", "run", "--silent", "db:deploy"];

// The apps a production deployment runs, and the one command each runs with (the images' CMD, the
// `start:prod` script of each app, `pnpm start:prod`); tests check the Dockerfile and the scripts agree.
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** @type {Record<"api" | "worker" | "web", { package: string; start: string[] }>} */
export const APPS = {
  api: { package: "@cto/api", start: ["node", "dist/index.js"] },
  worker: { package: "@cto/worker", start: ["node", "dist/index.js"] },
  web: { package: "@cto/web", start: ["node", "dist/server/main.js"] },
};

/** The migration step, run from the API's deployment (its image): `npm run db:deploy`. */
export const MIGRATE = ["npm", "run", "--silent", "db:deploy"];

import { createRouter } from "../lib/openapi.ts";

// Filled by the search routes.
export const searchRoutes = createRouter();

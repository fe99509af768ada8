import { createRouter } from "../lib/openapi.ts";

// Filled by the analysis routes (see routes/goals.ts for the pattern).
export const analysisRoutes = createRouter();

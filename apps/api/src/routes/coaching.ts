import { createRouter } from "../lib/openapi.ts";

// Filled by the coaching routes (see routes/goals.ts for the pattern).
export const coachingRoutes = createRouter();

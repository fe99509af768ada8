import { createRouter } from "../lib/openapi.ts";

// Filled by the community routes (see routes/goals.ts for the pattern).
export const communityRoutes = createRouter();

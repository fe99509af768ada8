import { createRouter } from "../lib/openapi.ts";

// Filled by the assistant routes (see routes/goals.ts for the pattern).
export const assistantRoutes = createRouter();

import { createRouter } from "../lib/openapi.ts";

// Filled by the knowledge routes.
export const knowledgeRoutes = createRouter();

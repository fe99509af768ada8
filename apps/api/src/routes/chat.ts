import { createRouter } from "../lib/openapi.ts";

// Filled by the chat routes.
export const chatRoutes = createRouter();

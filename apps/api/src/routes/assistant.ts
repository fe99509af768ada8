import { createRouter } from "../lib/openapi.ts";
import { auditLogRoutes } from "./assistant/audit-logs.ts";
import { eventRoutes, personRoutes, placeRoutes } from "./assistant/context.ts";
import { relationshipRoutes } from "./assistant/relationships.ts";
import { deadlineRoutes, taskRoutes } from "./assistant/tasks.ts";

/** The assistant context of 003: people, places, events, tasks, deadlines, their links and the agent's audit log. */
export const assistantRoutes = createRouter()
  .route("/people", personRoutes)
  .route("/places", placeRoutes)
  .route("/events", eventRoutes)
  .route("/tasks", taskRoutes)
  .route("/deadlines", deadlineRoutes)
  .route("/relationships", relationshipRoutes)
  .route("/audit-logs", auditLogRoutes);

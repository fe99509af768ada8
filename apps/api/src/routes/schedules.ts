import { createRoute } from "@hono/zod-openapi";

import { ZUpdateUserScheduleSchema, ZUserScheduleListSchema, ZUserScheduleSchema } from "@cto/contracts/api/schedules";

import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../lib/openapi.ts";
import { requireAuth } from "../middleware/auth.ts";
import { listSchedules, updateSchedule } from "../services/schedules.ts";

const common = { tags: ["Schedules"], security: SECURITY, middleware: requireAuth };

/** Each user's schedules (issue 19): the weekly report, the daily consistency scores and the weekly story. */
export const scheduleRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/",
      summary: "Your scheduled reports: the weekly report, the daily consistency scores and the weekly story",
      description:
        "Each runs at its local hour in your profile's timezone (kept across daylight-saving changes). A paused one does not run; pausing the report also stops the scheduled 2- and 21-day reports, pausing the story the monthly story.",
      responses: { 200: jsonContent(ZUserScheduleListSchema, "Your schedules"), ...errorResponses() },
    }),
    async (c) => c.json(await listSchedules(c.get("db"), c.get("auth").userId), 200),
  )
  .openapi(
    createRoute({
      ...common,
      method: "patch",
      path: "/{id}",
      request: {
        params: ZIdParamsSchema,
        body: { required: true, content: { "application/json": { schema: ZUpdateUserScheduleSchema } } },
      },
      summary: "Pause or resume a schedule, or move it to another weekday or hour",
      description:
        "Resuming, or a new weekday or hour, sets the next run from now; runs missed while paused are not caught up.",
      responses: { 200: jsonContent(ZUserScheduleSchema, "Updated"), ...errorResponses(404, 415) },
    }),
    async (c) =>
      c.json(
        await updateSchedule(c.get("db"), c.get("auth").userId, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );

import { createRoute } from "@hono/zod-openapi";

import { ZPageQuerySchema } from "@cto/contracts/pagination";
import {
  ZCreateRoutineSchema,
  ZRoutinePageSchema,
  ZRoutineSchema,
  ZUpdateRoutineSchema,
} from "@cto/contracts/api/routines";

import {
  createRouter,
  deleteByIdSpec,
  errorResponses,
  jsonContent,
  SECURITY,
  ZIdParamsSchema,
} from "../lib/openapi.ts";
import { requireAuth } from "../middleware/auth.ts";
import { createRoutine, deleteRoutine, listRoutines, readRoutine, updateRoutine } from "../services/routines.ts";

const common = { tags: ["Routines"], security: SECURITY, middleware: requireAuth };
const body = <T extends typeof ZCreateRoutineSchema | typeof ZUpdateRoutineSchema>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** Routines (issue 19): prompts the worker runs for the user on their schedule, answered as proactive messages. */
export const routineRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/",
      request: { query: ZPageQuerySchema },
      summary: "Your routines, oldest first",
      responses: { 200: jsonContent(ZRoutinePageSchema, "A page of routines"), ...errorResponses() },
    }),
    async (c) => c.json(await listRoutines(c.get("db"), c.get("auth").userId, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/",
      request: { body: body(ZCreateRoutineSchema) },
      summary: "Create a routine: a prompt the coach answers on the days and at the local time you choose",
      description:
        "The time is read in the schedule's timezone, or your profile's; it keeps its local time across daylight-saving changes. Your working hours do not move it. At most 20 routines a user (409 beyond).",
      responses: { 201: jsonContent(ZRoutineSchema, "Created"), ...errorResponses(409, 415) },
    }),
    async (c) => c.json(await createRoutine(c.get("db"), c.get("auth").userId, c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/{id}",
      request: { params: ZIdParamsSchema },
      summary: "One of your routines",
      responses: { 200: jsonContent(ZRoutineSchema, "The routine"), ...errorResponses(404) },
    }),
    async (c) => c.json(await readRoutine(c.get("db"), c.get("auth").userId, c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      ...common,
      method: "patch",
      path: "/{id}",
      request: { params: ZIdParamsSchema, body: body(ZUpdateRoutineSchema) },
      summary: "Edit a routine; enabled false pauses it, true resumes it from its next occurrence",
      responses: { 200: jsonContent(ZRoutineSchema, "Updated"), ...errorResponses(404, 415) },
    }),
    async (c) =>
      c.json(await updateRoutine(c.get("db"), c.get("auth").userId, c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({ ...common, ...deleteByIdSpec("Delete a routine (the messages it already wrote stay)") }),
    async (c) => {
      await deleteRoutine(c.get("db"), c.get("auth").userId, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

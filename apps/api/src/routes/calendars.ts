import { createRoute } from "@hono/zod-openapi";

import { ZCalendarConnectionSchema, ZCalendarListSchema, ZConnectCalendarSchema } from "@cto/contracts/api/calendars";

import {
  createRouter,
  deleteByIdSpec,
  errorResponses,
  jsonContent,
  SECURITY,
  ZIdParamsSchema,
} from "../lib/openapi.ts";
import { requireAuth } from "../middleware/auth.ts";
import type { TCalendarOAuth } from "../services/calendar-oauth.ts";
import { connectCalendar, disconnectCalendar, listCalendars, syncCalendarNow } from "../services/calendars.ts";

const common = { tags: ["Calendars"], security: SECURITY, middleware: requireAuth };

/**
 * Connected calendars (CalDAV, ICS subscriptions, Google and Microsoft 365), whose events the worker
 * syncs into your events. Google and Microsoft are connected through their OAuth flow (calendar-oauth.ts).
 */
export const calendarRoutes = (calendarOAuth: TCalendarOAuth) =>
  createRouter()
    .openapi(
      createRoute({
        ...common,
        method: "get",
        path: "/",
        summary: "Your connected calendars, with each one's sync status",
        description:
          "Also which providers can be connected by signing in to them here (oauthProviders: those whose OAuth client the server has).",
        responses: { 200: jsonContent(ZCalendarListSchema, "Oldest first"), ...errorResponses() },
      }),
      async (c) =>
        c.json(
          { items: await listCalendars(c.get("db"), c.get("auth").userId), oauthProviders: calendarOAuth.list() },
          200,
        ),
    )
    .openapi(
      createRoute({
        ...common,
        method: "post",
        path: "/",
        request: { body: { required: true, content: { "application/json": { schema: ZConnectCalendarSchema } } } },
        summary: "Connect a calendar by CalDAV (server, user name, password) or by an ICS subscription URL",
        description:
          "The URL and password are stored encrypted and never returned. A first sync is queued at once; then the worker syncs about every 15 minutes. At most 10 calendars a user (409 beyond); the same calendar twice is a 409. A URL whose host is (or resolves to) a loopback, private or link-local address is a 400 naming the field, unless the server allows private networks (CALENDAR_ALLOW_PRIVATE_NETWORKS).",
        responses: { 201: jsonContent(ZCalendarConnectionSchema, "Connected"), ...errorResponses(409, 415) },
      }),
      async (c) =>
        c.json(
          await connectCalendar({
            db: c.get("db"),
            secrets: c.get("secrets"),
            queues: c.get("queues"),
            userId: c.get("auth").userId,
            input: c.req.valid("json"),
            privateNetworks: c.get("config").calendarPrivateNetworks,
          }),
          201,
        ),
    )
    .openapi(
      createRoute({
        ...common,
        method: "post",
        path: "/{id}/sync",
        request: { params: ZIdParamsSchema },
        summary: "Sync a calendar now",
        description:
          "Queues the sync and answers at once; the calendar's status and lastSyncAt tell how it went. A calendar whose sync is turned off (syncEnabled false, as the demo account's Google calendar) is a 409.",
        responses: { 202: jsonContent(ZCalendarConnectionSchema, "Sync queued"), ...errorResponses(404, 409) },
      }),
      async (c) =>
        c.json(
          await syncCalendarNow({
            db: c.get("db"),
            queues: c.get("queues"),
            userId: c.get("auth").userId,
            id: c.req.valid("param").id,
          }),
          202,
        ),
    )
    .openapi(
      createRoute({
        ...common,
        ...deleteByIdSpec(
          "Disconnect a calendar: its stored credentials and the events synced from it are deleted",
          "Disconnected",
        ),
      }),
      async (c) => {
        await disconnectCalendar(c.get("db"), c.get("auth").userId, c.req.valid("param").id);
        return c.body(null, 204);
      },
    );

import { createRoute, z } from "@hono/zod-openapi";

import { ZNotificationFiltersSchema, ZNotificationSchema, ZReminderScheduleFiltersSchema, ZTelegramConnectionSchema, ZTelegramLinkSchema } from "@cto/contracts/api/channels";
import { toApiRow } from "@cto/contracts/rows";
import { ProactiveMessage, ReminderSchedule, TelegramConnection } from "@cto/contracts/tables";

import { ApiError } from "../errors.ts";
import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../lib/openapi.ts";
import { resourceRoutes } from "../lib/resource.ts";
import { hashToken, newToken } from "../lib/tokens.ts";
import { requireAuth } from "../middleware/auth.ts";

const LINK_TOKEN_TTL_MS = 15 * 60_000;
const common = { security: SECURITY, middleware: requireAuth };

export const notificationRoutes = resourceRoutes({
  name: "notifications",
  tag: "Notifications",
  model: (db) => db.proactiveMessage,
  table: ProactiveMessage,
  hidden: ["dedupeKey"],
  readOnly: true,
  filters: ZNotificationFiltersSchema,
  where: ({ status, channel, unseen }) => ({ status, channel, ...(unseen === "true" ? { seenAt: null } : {}) }),
  sorts: { created: [{ createdAt: "desc" }], scheduled: [{ scheduledFor: { sort: "asc", nulls: "last" } }] },
});

const NOTIFICATION_ACTIONS = {
  seen: { summary: "Mark a notification as seen", data: () => ({ seenAt: new Date() }) },
  acted: { summary: "Mark a notification as acted on (and seen)", data: () => ({ actedAt: new Date() }) },
  cancel: { summary: "Cancel a pending notification before it is sent", data: () => ({ status: "CANCELLED" as const }) },
} as const;

for (const [action, { summary, data }] of Object.entries(NOTIFICATION_ACTIONS)) {
  notificationRoutes.openapi(
    createRoute({ ...common, tags: ["Notifications"], method: "post", path: `/{id}/${action}`, summary, request: { params: ZIdParamsSchema }, responses: { 200: jsonContent(ZNotificationSchema, "Updated"), ...errorResponses(403, 404, 409) } }),
    async (c) => {
      const db = c.get("db");
      const { id } = c.req.valid("param");
      const message = await db.proactiveMessage.findFirst({ where: { id, userId: c.get("auth").userId } });
      if (!message) throw new ApiError("not_found", "No such notification.");
      if (action === "cancel" && message.status !== "PENDING") throw new ApiError("invalid_state", `Only a pending notification can be cancelled; this one is ${message.status.toLowerCase()}.`);
      // Seen and acted-on keep their first time: repeating the call changes nothing.
      const changes = action === "cancel" ? data() : { ...(message.seenAt ? {} : { seenAt: new Date() }), ...(action === "acted" && !message.actedAt ? data() : {}) };
      const updated = await db.proactiveMessage.update({ where: { id }, data: changes });
      return c.json(toApiRow(ProactiveMessage, updated, ["userId", "dedupeKey"]), 200);
    },
  );
}

export const reminderScheduleRoutes = resourceRoutes({
  name: "reminder schedules",
  tag: "Notifications",
  model: (db) => db.reminderSchedule,
  table: ReminderSchedule,
  readOnly: true,
  filters: ZReminderScheduleFiltersSchema,
  where: ({ kind, status }) => ({ kind, status }),
  sorts: { nextRun: [{ nextRunAt: { sort: "asc", nulls: "last" } }] },
});

const toConnection = (row: Record<string, unknown>) => toApiRow(TelegramConnection, row, ["userId", "connectionToken"]);

const ZTelegramBotSchema = z.object({
  linkable: z.boolean().describe("Whether this server receives Telegram's updates (its webhook is set up), so a chat can be linked"),
  botUsername: z.string().nullable().describe("The bot's username, when the server knows it"),
});

/** `linkable`: the server serves POST /telegram/webhook; without it a /start message never reaches Cto. */
export const telegramRoutes = ({ linkable }: { linkable: boolean }) => createRouter()
  .openapi(
    createRoute({ ...common, tags: ["Telegram"], method: "get", path: "/bot", summary: "Whether Telegram can be linked on this server, and to which bot", responses: { 200: jsonContent(ZTelegramBotSchema, "The bot"), ...errorResponses() } }),
    (c) => c.json({ linkable, botUsername: c.get("config").telegramBotUsername }, 200),
  )
  .openapi(
    createRoute({ ...common, tags: ["Telegram"], method: "get", path: "/", summary: "Your Telegram connection", responses: { 200: jsonContent(ZTelegramConnectionSchema.nullable(), "The connection, or null when none was ever started"), ...errorResponses() } }),
    async (c) => {
      const connection = await c.get("db").telegramConnection.findUnique({ where: { userId: c.get("auth").userId } });
      return c.json(connection ? toConnection(connection) : null, 200);
    },
  )
  .openapi(
    createRoute({ ...common, tags: ["Telegram"], method: "post", path: "/link-token", summary: "Get a one-time token to link a Telegram chat (`/start <token>` to the bot)", responses: { 201: jsonContent(ZTelegramLinkSchema, "A new token; any earlier one stops working"), ...errorResponses(403, 409) } }),
    async (c) => {
      const db = c.get("db");
      const { userId } = c.get("auth");
      const existing = await db.telegramConnection.findUnique({ where: { userId } });
      if (existing?.isActive) throw new ApiError("invalid_state", "Telegram is already linked; unlink it first.");
      const linkToken = newToken();
      const data = { connectionToken: hashToken(linkToken), connectionTokenExpiresAt: new Date(Date.now() + LINK_TOKEN_TTL_MS) };
      const connection = await db.telegramConnection.upsert({ where: { userId }, create: { userId, ...data }, update: data });
      // Telegram passes a start parameter of up to 64 URL-safe characters to the bot; a base64url token fits.
      const botUsername = c.get("config").telegramBotUsername;
      const deepLink = botUsername ? `https://t.me/${botUsername}?start=${linkToken}` : null;
      return c.json({ ...toConnection(connection), linkToken, botUsername, deepLink }, 201);
    },
  )
  .openapi(
    createRoute({ ...common, tags: ["Telegram"], method: "delete", path: "/", summary: "Unlink Telegram", responses: { 204: { description: "Unlinked" }, ...errorResponses(403, 404) } }),
    async (c) => {
      const { count } = await c.get("db").telegramConnection.deleteMany({ where: { userId: c.get("auth").userId } });
      if (count === 0) throw new ApiError("not_found", "Telegram is not connected.");
      return c.body(null, 204);
    },
  );

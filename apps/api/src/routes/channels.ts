import { createRoute, z } from "@hono/zod-openapi";

import { ZNotificationSchema, ZTelegramConnectionSchema, ZTelegramLinkSchema } from "@cto/contracts/api/channels";
import { toApiRow } from "@cto/contracts/rows";
import { ProactiveMessage, ReminderSchedule, TelegramConnection } from "@cto/contracts/tables";

import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../lib/openapi.ts";
import { requireAuth } from "../middleware/auth.ts";
import {
  markNotification,
  notificationService,
  reminderScheduleService,
  type TNotificationAction,
} from "../services/notifications.ts";
import { getTelegramConnection, issueLinkToken, unlinkTelegram } from "../services/telegram/link.ts";
import { resourceRoutes } from "./resource.ts";

const common = { security: SECURITY, middleware: requireAuth };

export const notificationRoutes = resourceRoutes({
  service: notificationService,
  tag: "Notifications",
  table: ProactiveMessage,
  hidden: ["dedupeKey"],
});

const NOTIFICATION_ACTIONS: Record<TNotificationAction, string> = {
  seen: "Mark a notification as seen",
  acted: "Mark a notification as acted on (and seen)",
  cancel: "Cancel a pending notification before it is sent",
};

for (const [action, summary] of Object.entries(NOTIFICATION_ACTIONS) as [TNotificationAction, string][]) {
  notificationRoutes.openapi(
    createRoute({
      ...common,
      tags: ["Notifications"],
      method: "post",
      path: `/{id}/${action}`,
      summary,
      request: { params: ZIdParamsSchema },
      responses: { 200: jsonContent(ZNotificationSchema, "Updated"), ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const updated = await markNotification({
        db: c.get("db"),
        userId: c.get("auth").userId,
        id: c.req.valid("param").id,
        action,
      });
      return c.json(toApiRow(ProactiveMessage, updated, ["userId", "dedupeKey"]), 200);
    },
  );
}

export const reminderScheduleRoutes = resourceRoutes({
  service: reminderScheduleService,
  tag: "Notifications",
  table: ReminderSchedule,
});

const toConnection = (row: Record<string, unknown>) => toApiRow(TelegramConnection, row, ["userId", "connectionToken"]);

const ZTelegramBotSchema = z.object({
  linkable: z
    .boolean()
    .describe("Whether this server receives Telegram's updates (its webhook is set up), so a chat can be linked"),
  botUsername: z.string().nullable().describe("The bot's username, when the server knows it"),
});

/** `linkable`: the server serves POST /telegram/webhook; without it a /start message never reaches Cto. */
export const telegramRoutes = ({ linkable }: { linkable: boolean }) =>
  createRouter()
    .openapi(
      createRoute({
        ...common,
        tags: ["Telegram"],
        method: "get",
        path: "/bot",
        summary: "Whether Telegram can be linked on this server, and to which bot",
        responses: { 200: jsonContent(ZTelegramBotSchema, "The bot"), ...errorResponses() },
      }),
      (c) => c.json({ linkable, botUsername: c.get("config").telegramBotUsername }, 200),
    )
    .openapi(
      createRoute({
        ...common,
        tags: ["Telegram"],
        method: "get",
        path: "/",
        summary: "Your Telegram connection",
        responses: {
          200: jsonContent(ZTelegramConnectionSchema.nullable(), "The connection, or null when none was ever started"),
          ...errorResponses(),
        },
      }),
      async (c) => {
        const connection = await getTelegramConnection({ db: c.get("db"), userId: c.get("auth").userId });
        return c.json(connection ? toConnection(connection) : null, 200);
      },
    )
    .openapi(
      createRoute({
        ...common,
        tags: ["Telegram"],
        method: "post",
        path: "/link-token",
        summary: "Get a one-time token to link a Telegram chat (`/start <token>` to the bot)",
        responses: {
          201: jsonContent(ZTelegramLinkSchema, "A new token; any earlier one stops working"),
          ...errorResponses(403, 409),
        },
      }),
      async (c) => {
        const { connection, linkToken } = await issueLinkToken({ db: c.get("db"), userId: c.get("auth").userId });
        // Telegram passes a start parameter of up to 64 URL-safe characters to the bot; a base64url token fits.
        const botUsername = c.get("config").telegramBotUsername;
        const deepLink = botUsername ? `https://t.me/${botUsername}?start=${linkToken}` : null;
        return c.json({ ...toConnection(connection), linkToken, botUsername, deepLink }, 201);
      },
    )
    .openapi(
      createRoute({
        ...common,
        tags: ["Telegram"],
        method: "delete",
        path: "/",
        summary: "Unlink Telegram",
        responses: { 204: { description: "Unlinked" }, ...errorResponses(403, 404) },
      }),
      async (c) => {
        await unlinkTelegram({ db: c.get("db"), userId: c.get("auth").userId });
        return c.body(null, 204);
      },
    );

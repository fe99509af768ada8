import { z } from "zod";

import {
  ZDeliveryChannelSchema,
  ZProactiveMessageStatusSchema,
  ZScheduleKindSchema,
  ZScheduleStatusSchema,
} from "../enums.ts";
import {
  ConnectedAccount,
  ProactiveMessage,
  ReminderSchedule,
  Session,
  TelegramConnection,
} from "../generated/drizzle/schema.ts";
import { apiRowSchema } from "../rows.ts";

/** Proactive messages are the user's notifications: Telegram deliveries and in-app messages, with seen and acted-on states. */
export const ZNotificationSchema = apiRowSchema(ProactiveMessage, { omit: ["userId", "dedupeKey"] });
export const ZNotificationFiltersSchema = z.object({
  status: ZProactiveMessageStatusSchema.optional(),
  channel: ZDeliveryChannelSchema.optional(),
  unseen: z.enum(["true", "false"]).optional().describe("true: only messages not seen yet"),
});

export const ZReminderScheduleSchema = apiRowSchema(ReminderSchedule, { omit: ["userId"] });
export const ZReminderScheduleFiltersSchema = z.object({
  kind: ZScheduleKindSchema.optional(),
  status: ZScheduleStatusSchema.optional(),
});

/** The link between Cto and a Telegram chat; the one-time link token is never shown again after creation. */
export const ZTelegramConnectionSchema = apiRowSchema(TelegramConnection, { omit: ["userId", "connectionToken"] });
export const ZTelegramLinkSchema = ZTelegramConnectionSchema.extend({
  linkToken: z
    .string()
    .describe("Send `/start <linkToken>` to the Cto bot within 15 minutes. Works once; shown only now."),
  botUsername: z
    .string()
    .nullable()
    .describe("The Cto bot's username (without @); null when the server has none configured"),
  deepLink: z
    .string()
    .nullable()
    .describe(
      "https://t.me/<bot>?start=<linkToken>: opens the bot with the token filled in; null without a configured bot",
    ),
});

export const ZConnectedAccountSchema = apiRowSchema(ConnectedAccount, {
  omit: ["userId", "accessToken", "refreshToken", "syncCursor"],
});

export const ZSessionInfoSchema = apiRowSchema(Session, { omit: ["userId", "sessionToken"] }).extend({
  current: z.boolean(),
});

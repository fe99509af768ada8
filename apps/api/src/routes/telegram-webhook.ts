import { timingSafeEqual } from "node:crypto";

import { createRoute, z } from "@hono/zod-openapi";

import { storableJson } from "@cto/contracts/values";
import { ZTelegramUpdateSchema } from "@cto/telegram/updates";

import { ApiError } from "../errors.ts";
import { createRouter, errorResponses, jsonContent } from "../lib/openapi.ts";
import { answerTelegramMessage } from "../services/telegram/webhook.ts";

export type TTelegramWebhookConfig = {
  /** The `secret_token` given to setWebhook; Telegram sends it back in X-Telegram-Bot-Api-Secret-Token. */
  webhookSecret: string;
};

const SECRET_HEADER = "x-telegram-bot-api-secret-token";

// Telegram performs a method returned in the webhook's answer: short replies need no bot token here.
const ZWebhookAnswerSchema = z.union([
  z.object({ method: z.literal("sendMessage"), chat_id: z.number().int(), text: z.string() }),
  z.object({ ok: z.literal(true) }),
]);

const sameSecret = (given: string | undefined, expected: string) => {
  const [a, b] = [Buffer.from(given ?? "", "utf8"), Buffer.from(expected, "utf8")];
  return a.length === b.length && timingSafeEqual(a, b);
};

const route = createRoute({
  method: "post",
  path: "/",
  tags: ["Telegram"],
  summary: "Telegram bot webhook (called by Telegram, not by users)",
  description: [
    "Verified by the `X-Telegram-Bot-Api-Secret-Token` header against TELEGRAM_WEBHOOK_SECRET; answers 503 while that is not configured.",
    "`/start <token>` links the chat with a one-time token from POST /telegram/link-token (once, before it expires).",
    "Any other text from a linked chat is stored in the user's Telegram conversation (source telegram) and answered by the coach; the reply is queued as a Telegram notification.",
    "Chats that are not linked get a short explanation. Short replies are returned as a `sendMessage` method in the answer, which Telegram performs.",
  ].join(" "),
  security: [{ telegramWebhookSecret: [] }],
  request: {
    body: { required: true, content: { "application/json": { schema: storableJson(ZTelegramUpdateSchema) } } },
  },
  responses: {
    200: jsonContent(ZWebhookAnswerSchema, "Handled (or deliberately ignored)"),
    503: jsonContent(
      z.object({ error: z.object({ code: z.string(), message: z.string(), requestId: z.string() }) }),
      "Telegram is not configured",
    ),
    ...errorResponses(415),
  },
});

/** Mounted at /telegram/webhook; `config` null means Telegram is not set up on this server. */
export const telegramWebhookRoutes = (config: TTelegramWebhookConfig | null) => {
  const router = createRouter();
  router.openAPIRegistry.registerComponent("securitySchemes", "telegramWebhookSecret", {
    type: "apiKey",
    in: "header",
    name: "X-Telegram-Bot-Api-Secret-Token",
    description: "The secret_token given to Telegram's setWebhook (TELEGRAM_WEBHOOK_SECRET)",
  });
  return router.openapi(route, async (c) => {
    if (!config)
      throw new ApiError(
        "service_unavailable",
        "Telegram is not configured on this server (TELEGRAM_WEBHOOK_SECRET is unset).",
      );
    if (!sameSecret(c.req.header(SECRET_HEADER), config.webhookSecret))
      throw new ApiError("unauthorized", "The webhook secret token is missing or wrong.");
    const { message } = c.req.valid("json");
    // Edits, reactions, group and channel traffic: acknowledged so Telegram stops resending, otherwise ignored.
    if (message?.chat.type !== "private" || message.from?.is_bot) return c.json({ ok: true as const }, 200);
    const reply = await answerTelegramMessage({
      db: c.get("db"),
      ai: c.get("ai"),
      queues: c.get("queues"),
      message,
      tokenBudget: c.get("config").chatTokenBudget,
    });
    return reply === null
      ? c.json({ ok: true as const }, 200)
      : c.json({ method: "sendMessage" as const, chat_id: message.chat.id, text: reply }, 200);
  });
};

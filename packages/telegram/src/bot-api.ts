import { z } from "zod";

import { ZTelegramMessageSchema, type TTelegramMessage } from "./updates.ts";

export const TELEGRAM_API_BASE_URL = "https://api.telegram.org";

/** Telegram's longest message text; longer replies are cut by the caller rather than refused by Telegram. */
export const MAX_MESSAGE_LENGTH = 4096;

/**
 * What a failed call means for the caller: `rate_limited` waits `retryAfterSeconds`, `blocked` will not
 * succeed until the user unblocks the bot (403), `bad_request` will never succeed as sent, and
 * `unavailable` (network, 5xx, timeouts) is worth retrying.
 */
export type TTelegramErrorKind = "rate_limited" | "blocked" | "bad_request" | "unavailable";

export class TelegramApiError extends Error {
  readonly kind: TTelegramErrorKind;
  readonly errorCode: number | null;
  readonly retryAfterSeconds: number | null;

  constructor({
    kind,
    message,
    errorCode = null,
    retryAfterSeconds = null,
  }: { kind: TTelegramErrorKind; message: string; errorCode?: number | null; retryAfterSeconds?: number | null }) {
    super(message);
    this.name = "TelegramApiError";
    this.kind = kind;
    this.errorCode = errorCode;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

// The Bot API's envelope: { ok: true, result } or { ok: false, error_code, description, parameters? }.
const ZEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error_code: z.number().int(),
    description: z.string().default("no description"),
    parameters: z
      .object({ retry_after: z.number().optional(), migrate_to_chat_id: z.number().optional() })
      .partial()
      .optional(),
  }),
]);

const kindOf = (errorCode: number): TTelegramErrorKind => {
  if (errorCode === 429) return "rate_limited";
  if (errorCode === 403) return "blocked";
  if (errorCode >= 500) return "unavailable";
  return "bad_request";
};

export type TSendMessageInput = {
  chatId: string | number;
  text: string;
  replyToMessageId?: number;
  disableNotification?: boolean;
};

export type TBotApi = {
  sendMessage: (input: TSendMessageInput) => Promise<TTelegramMessage>;
  /** Any other Bot API method, for operations (setWebhook, getMe); the result is returned unparsed. */
  call: (method: string, params: Record<string, unknown>) => Promise<unknown>;
};

export type TBotApiOptions = { token: string; baseUrl?: string; timeoutMs?: number; fetch?: typeof fetch };

/** A Bot API client over plain HTTPS; the same code talks to Telegram and to the test stand-in. */
export const createBotApi = ({
  token,
  baseUrl = TELEGRAM_API_BASE_URL,
  timeoutMs = 10_000,
  fetch: fetchImpl = fetch,
}: TBotApiOptions): TBotApi => {
  if (!token) throw new Error("A Telegram bot token is required.");
  const root = baseUrl.replace(/\/+$/, "");
  const call = async (method: string, params: Record<string, unknown>) => {
    let response: Response;
    try {
      response = await fetchImpl(`${root}/bot${token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(params),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // Never echo the URL: it carries the bot token.
      throw new TelegramApiError({
        kind: "unavailable",
        message: `Telegram ${method} did not answer: ${error instanceof Error ? error.name : "network error"}`,
      });
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new TelegramApiError({
        kind: response.status >= 500 || response.status === 429 ? kindOf(response.status) : "unavailable",
        errorCode: response.status,
        message: `Telegram ${method} answered HTTP ${response.status} without JSON`,
      });
    }
    const envelope = ZEnvelopeSchema.safeParse(body);
    if (!envelope.success)
      throw new TelegramApiError({
        kind: "unavailable",
        errorCode: response.status,
        message: `Telegram ${method} answered an unexpected shape (HTTP ${response.status})`,
      });
    if (envelope.data.ok) return envelope.data.result;
    const { error_code: errorCode, description, parameters } = envelope.data;
    throw new TelegramApiError({
      kind: kindOf(errorCode),
      errorCode,
      message: `Telegram ${method}: ${errorCode} ${description}`,
      retryAfterSeconds: parameters?.retry_after ?? null,
    });
  };
  return {
    call,
    sendMessage: async ({ chatId, text, replyToMessageId, disableNotification }) => {
      const result = await call("sendMessage", {
        chat_id: chatId,
        text: text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text,
        ...(replyToMessageId
          ? { reply_parameters: { message_id: replyToMessageId, allow_sending_without_reply: true } }
          : {}),
        ...(disableNotification ? { disable_notification: true } : {}),
      });
      const message = ZTelegramMessageSchema.safeParse(result);
      if (!message.success)
        throw new TelegramApiError({ kind: "unavailable", message: "Telegram sendMessage returned no message" });
      return message.data;
    },
  };
};

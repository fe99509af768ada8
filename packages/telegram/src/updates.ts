import { z } from "zod";

// Only the fields Cto reads; Telegram sends many more, which zod's default strip drops.

export const ZTelegramChatSchema = z.object({
  id: z.number().int(),
  type: z.string(),
  username: z.string().optional(),
  first_name: z.string().optional(),
});

export const ZTelegramUserSchema = z.object({
  id: z.number().int(),
  is_bot: z.boolean(),
  first_name: z.string(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});

export const ZTelegramMessageSchema = z.object({
  message_id: z.number().int(),
  date: z.number().int(),
  chat: ZTelegramChatSchema,
  from: ZTelegramUserSchema.optional(),
  text: z.string().optional(),
});

/** One webhook update; kinds Cto does not handle (edits, callbacks, channel posts) parse with `message` absent. */
export const ZTelegramUpdateSchema = z.object({
  update_id: z.number().int(),
  message: ZTelegramMessageSchema.optional(),
});

export type TTelegramMessage = z.infer<typeof ZTelegramMessageSchema>;
export type TTelegramUpdate = z.infer<typeof ZTelegramUpdateSchema>;

/**
 * `/start <token>` (or `/start@CtoBot <token>`) as sent by a t.me/<bot>?start=<token> deep link;
 * returns the token, `""` for a bare `/start`, or null when the text is not a start command.
 */
export const startPayload = (text: string | undefined): string | null => {
  const match = /^\/start(?:@\w+)?(?:\s+(\S+))?\s*$/.exec(text?.trim() ?? "");
  if (!match) return null;
  return match[1] ?? "";
};

import { z } from "zod";

import { zText } from "../values.ts";

/**
 * `POST /unsubscribe?token=…`: the token of an email's one-click link (RFC 8058: the mail client POSTs
 * `List-Unsubscribe=One-Click` to the link, the web page POSTs from its button). No sign-in: the token is
 * the proof. A GET changes nothing (mail scanners follow links).
 */
export const ZUnsubscribeQuerySchema = z.object({
  token: zText().min(1, "Required").max(200).describe("The token from the email's unsubscribe link"),
});
export type TUnsubscribeQuery = z.infer<typeof ZUnsubscribeQuerySchema>;

export const ZUnsubscribeResultSchema = z.object({
  status: z.literal("unsubscribed"),
  list: z.enum(["nudges"]).describe("nudges: the coach's nudge emails"),
});
export type TUnsubscribeResult = z.infer<typeof ZUnsubscribeResultSchema>;

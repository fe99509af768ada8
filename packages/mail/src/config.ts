import path from "node:path";

import addressparser from "nodemailer/lib/addressparser";
import { z } from "zod";

import { createOutboxMailer } from "./dev-outbox.ts";
import { createSmtpTransport } from "./smtp.ts";
import type { TMailTransport } from "./transport.ts";

const DEVELOPMENT_FROM = "Cto <no-reply@localhost>";
const unset = (value: unknown) => (value === "" ? undefined : value);

/** One mailbox, optionally with a display name: `Cto <no-reply@example.com>` or `no-reply@example.com`. */
const ZMailboxSchema = z.string().refine((value) => {
  const parsed = addressparser(value);
  return parsed.length === 1 && !parsed[0]!.group && /^[^@\s]+@[^@\s]+$/.test(parsed[0]!.address ?? "");
}, "one address such as Cto <no-reply@example.com>");

/**
 * The mail variables, for an app's env.ts to merge into its schema (`.extend(….shape)` plus
 * `.superRefine(requireMailSettings)`), like the storage ones: both processes send mail.
 */
export const ZMailEnvSchema = z.object({
  /** The SMTP server: `smtp://user:pass@host:587` (STARTTLS) or `smtps://user:pass@host:465`; unset: the development outbox. */
  SMTP_URL: z.preprocess(unset, z.url({ protocol: /^smtps?$/, error: "an smtp:// or smtps:// URL" }).optional()),
  /** The From of every email. */
  MAIL_FROM: z.preprocess(unset, ZMailboxSchema.optional()),
});
export type TMailEnv = z.infer<typeof ZMailEnvSchema>;

/**
 * In production both are required: without an SMTP server no email leaves, and a user who forgets their
 * password is locked out. A start-up error names each one missing.
 */
export const requireMailSettings = (env: TMailEnv & { NODE_ENV: string }, context: z.RefinementCtx) => {
  if (env.NODE_ENV !== "production") return;
  if (!env.SMTP_URL)
    context.addIssue({
      code: "custom",
      path: ["SMTP_URL"],
      message:
        "required in production: the SMTP server that sends password resets and verification links (the development outbox never leaves this machine)",
    });
  if (!env.MAIL_FROM)
    context.addIssue({
      code: "custom",
      path: ["MAIL_FROM"],
      message: "required in production: the From address of every email, e.g. Cto <no-reply@example.com>",
    });
};

export type TMailConfig =
  | { driver: "smtp"; url: string; from: string }
  | { driver: "outbox"; folder: string; from: string };

/** `dataDir` is the app's data folder (`@cto/db/paths` defaultDataDir()); the development outbox is its `outbox/`. */
export const mailConfigFromEnv = (env: TMailEnv, { dataDir }: { dataDir: string }): TMailConfig => {
  const from = env.MAIL_FROM ?? DEVELOPMENT_FROM;
  return env.SMTP_URL
    ? { driver: "smtp", url: env.SMTP_URL, from }
    : { driver: "outbox", folder: path.join(dataDir, "outbox"), from };
};

export const createMailTransport = (config: TMailConfig): TMailTransport =>
  config.driver === "smtp"
    ? createSmtpTransport({ url: config.url, from: config.from })
    : createOutboxMailer(config.folder, config.from);

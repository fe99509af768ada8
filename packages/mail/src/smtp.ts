import nodemailer from "nodemailer";

import type { TMail, TMailTransport } from "./transport.ts";

/**
 * How long one attempt may take, at most: connecting, the server's greeting, and any silence after.
 * Nodemailer's own defaults (2 min, 30 s, 10 min) would let one dead server hold a sender for minutes;
 * a failed attempt is retried anyway.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * The real transport: nodemailer over SMTP, configured by a URL
 * (`smtp://user:pass@host:587` with STARTTLS when offered, `smtps://…:465` for TLS from the start;
 * nodemailer's URL options such as `?pool=true` apply). One connection per message unless pooled.
 */
export type TSmtpTimeouts = { connectionTimeout: number; greetingTimeout: number; socketTimeout: number };

export const createSmtpTransport = ({
  url,
  from,
  timeouts = SMTP_TIMEOUTS,
}: {
  url: string;
  from: string;
  timeouts?: Partial<TSmtpTimeouts>;
}): TMailTransport => {
  const transporter = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS, ...timeouts });
  return {
    kind: "smtp",
    from,
    send: async (mail: TMail) => {
      const info = await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.headers ? { headers: mail.headers } : {}),
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
      });
      return { messageId: info.messageId };
    },
    close: async () => {
      transporter.close();
    },
  };
};

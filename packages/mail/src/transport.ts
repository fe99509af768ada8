/** A message ready to go: rendered bodies, the recipient, and any extra headers (List-Unsubscribe…). */
export type TMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** Stable across retries (`<row id@sender's domain>`), so a receiver can tell a resend from a new message. */
  messageId?: string;
};

/** Where mail goes: an SMTP server, or the development outbox folder. `send` throws when the message did not go. */
export type TMailTransport = {
  kind: "smtp" | "outbox";
  /** The From header every message gets (MAIL_FROM). */
  from: string;
  send: (mail: TMail) => Promise<{ messageId: string }>;
  close: () => Promise<void>;
};

import { html, type SafeHtml } from "./html.ts";

/** What each kind of email needs; names and notification texts are the user's own words, escaped in HTML. */
export type TMailTemplate =
  | { kind: "VERIFY_EMAIL"; name: string | null; link: string }
  | { kind: "PASSWORD_RESET"; name: string | null; link: string }
  | { kind: "NOTIFICATION"; name: string | null; content: string; settingsLink: string; unsubscribeLink: string }
  /** A coach nudge: `content` names the user's own items; `unsubscribeLink` is the confirmation page. */
  | { kind: "COACH_NUDGE"; name: string | null; content: string; settingsLink: string; unsubscribeLink: string }
  | {
      kind: "NEW_SIGN_IN";
      name: string | null;
      device: string;
      ipAddress: string | null;
      at: string;
      sessionsLink: string;
    };

export type TRenderedMail = { subject: string; text: string; html: string };

const greeting = (name: string | null) => (name?.trim() ? `Hi ${name.trim()},` : "Hi,");

// One plain layout: readable without images or CSS support, inline styles only (mail clients drop <style>).
const layout = ({ title, body, footer }: { title: string; body: SafeHtml; footer: SafeHtml }) =>
  html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2328">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;line-height:1.5">
${body}
</div>
<p style="max-width:560px;margin:16px auto 0;font-size:12px;color:#59636e">${footer}</p>
</body>
</html>
`.value;

const button = (href: string, label: string) =>
  html`<p style="margin:24px 0"><a href="${href}" style="display:inline-block;background:#1f6feb;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:6px">${label}</a></p>
<p style="font-size:13px;color:#59636e">Or paste this link into your browser: <a href="${href}" style="color:#1f6feb;word-break:break-all">${href}</a></p>`;

const AUTOMATIC = html`You get this email because someone used this address on Cto.`;

/** A header-safe, one-line subject from a user's text: control characters never reach a header (nodemailer encodes the rest). */
const subjectFrom = (content: string) => {
  const firstLine = content
    .split("\n")[0]!
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point (a header injection)
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .trim();
  return `Cto: ${firstLine.length > 80 ? `${firstLine.slice(0, 77)}...` : firstLine}`;
};

const paragraphsOf = (content: string) =>
  content.split(/\n{2,}/).map((paragraph) => html`<p style="white-space:pre-line">${paragraph}</p>`);

/** Subject, plain text and HTML of one email; every value from a user is escaped in the HTML. */
export const renderMail = (template: TMailTemplate): TRenderedMail => {
  switch (template.kind) {
    case "VERIFY_EMAIL": {
      const subject = "Verify your email for Cto";
      return {
        subject,
        text: `${greeting(template.name)}\n\nOpen this link within 24 hours to verify your email address for Cto:\n\n${template.link}\n\nIf you did not sign up for Cto, ignore this email.\n`,
        html: layout({
          title: subject,
          body: html`<p>${greeting(template.name)}</p><p>Confirm that this is your email address for Cto. The link works for 24 hours.</p>${button(template.link, "Verify my email")}<p>If you did not sign up for Cto, ignore this email.</p>`,
          footer: AUTOMATIC,
        }),
      };
    }
    case "PASSWORD_RESET": {
      const subject = "Reset your Cto password";
      return {
        subject,
        text: `${greeting(template.name)}\n\nSomeone asked to reset your Cto password. If it was you, open this link within an hour:\n\n${template.link}\n\nIf it was not you, ignore this email: your password stays as it is.\n`,
        html: layout({
          title: subject,
          body: html`<p>${greeting(template.name)}</p><p>Someone asked to reset your Cto password. If it was you, choose a new one within an hour; the link works once.</p>${button(template.link, "Choose a new password")}<p>If it was not you, ignore this email: your password stays as it is.</p>`,
          footer: AUTOMATIC,
        }),
      };
    }
    case "NEW_SIGN_IN": {
      const subject = "New sign-in to your Cto account";
      const where = `${template.device}${template.ipAddress ? ` from ${template.ipAddress}` : ""}`;
      return {
        subject,
        text: `${greeting(template.name)}\n\nYour Cto account was signed in to from a new device: ${where}, at ${template.at}.\n\nIf it was you, there is nothing to do. If it was not, sign that session out and change your password:\n\n${template.sessionsLink}\n`,
        html: layout({
          title: subject,
          body: html`<p>${greeting(template.name)}</p><p>Your Cto account was signed in to from a new device: ${where}, at ${template.at}.</p><p>If it was you, there is nothing to do. If it was not, sign that session out and change your password.</p>${button(template.sessionsLink, "Review your sessions")}`,
          footer: AUTOMATIC,
        }),
      };
    }
    case "NOTIFICATION": {
      const subject = subjectFrom(template.content);
      const paragraphs = paragraphsOf(template.content);
      return {
        subject,
        text: `${greeting(template.name)}\n\n${template.content}\n\n--\nEmail notifications are on in your Cto settings: ${template.settingsLink}\nStop them: ${template.unsubscribeLink}\n`,
        html: layout({
          title: subject,
          body: html`<p>${greeting(template.name)}</p>${paragraphs}${button(template.settingsLink, "Open Cto")}`,
          footer: html`Email notifications are on in your <a href="${template.settingsLink}" style="color:#59636e">Cto settings</a>. <a href="${template.unsubscribeLink}" style="color:#59636e">Stop these emails</a>.`,
        }),
      };
    }
    case "COACH_NUDGE": {
      const subject = subjectFrom(template.content);
      return {
        subject,
        text: `${greeting(template.name)}\n\n${template.content}\n\nOpen Cto: ${template.settingsLink}\n\n--\nYou get this because coach nudges by email are on in your Cto settings.\nStop nudge emails: ${template.unsubscribeLink}\n`,
        html: layout({
          title: subject,
          body: html`<p>${greeting(template.name)}</p>${paragraphsOf(template.content)}${button(template.settingsLink, "Open Cto")}`,
          footer: html`You get this because coach nudges by email are on in your <a href="${template.settingsLink}" style="color:#59636e">Cto settings</a>. <a href="${template.unsubscribeLink}" style="color:#59636e">Stop nudge emails</a>.`,
        }),
      };
    }
  }
};

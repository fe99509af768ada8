import { html, type SafeHtml } from "./html.ts";

/** The languages an email can be written in: the web app's (`preferences.locale`); English when unset. */
export const MAIL_LOCALES = ["en", "de"] as const;
export type TMailLocale = (typeof MAIL_LOCALES)[number];

/**
 * The language of a user's emails: the app's language they chose (`preferences.locale`); else, for an email
 * a request of theirs sends, the language their browser asks for (`requested`, from Accept-Language), as the
 * web app itself follows the browser until a language is chosen; else English.
 */
export const mailLocaleOf = (preferences: unknown, requested?: TMailLocale): TMailLocale => {
  const locale = (preferences as { locale?: unknown } | null)?.locale;
  return MAIL_LOCALES.find((known) => known === locale) ?? requested ?? "en";
};

/** What each kind of email needs; names and notification texts are the user's own words, escaped in HTML. */
export type TMailTemplate = (
  | { kind: "VERIFY_EMAIL"; name: string | null; link: string }
  | { kind: "PASSWORD_RESET"; name: string | null; link: string }
  | { kind: "NOTIFICATION"; name: string | null; content: string; settingsLink: string; unsubscribeLink: string }
  /** A coach nudge: `content` names the user's own items; `unsubscribeLink` is the confirmation page. */
  | { kind: "COACH_NUDGE"; name: string | null; content: string; settingsLink: string; unsubscribeLink: string }
  | {
      kind: "NEW_SIGN_IN";
      name: string | null;
      /** The browser's user agent; null: unknown (named in the email's language). */
      device: string | null;
      ipAddress: string | null;
      at: string;
      sessionsLink: string;
    }
) & {
  /** The recipient's language (mailLocaleOf); English when left out. */
  locale?: TMailLocale;
};

export type TRenderedMail = { subject: string; text: string; html: string };

/** A footer link around a label in the email's language. */
type TLink = (label: string) => SafeHtml;

/**
 * Every word of every email, per language. German says "du", as the web app does
 * (apps/web/src/lib/i18n/locales/de.ts), and uses its terms: "bestätigen", "Anstöße", "Einstellungen".
 */
const EN = {
  greeting: (name: string | null) => (name ? `Hi ${name},` : "Hi,"),
  pasteLink: "Or paste this link into your browser:",
  automatic: html`You get this email because someone used this address on Cto.`,
  openCto: "Open Cto",
  verify: {
    subject: "Verify your email for Cto",
    text: "Open this link within 24 hours to verify your email address for Cto:",
    html: "Confirm that this is your email address for Cto. The link works for 24 hours.",
    button: "Verify my email",
    notYou: "If you did not sign up for Cto, ignore this email.",
  },
  reset: {
    subject: "Reset your Cto password",
    text: "Someone asked to reset your Cto password. If it was you, open this link within an hour:",
    html: "Someone asked to reset your Cto password. If it was you, choose a new one within an hour; the link works once.",
    button: "Choose a new password",
    notYou: "If it was not you, ignore this email: your password stays as it is.",
  },
  signIn: {
    subject: "New sign-in to your Cto account",
    unknownDevice: "an unknown browser",
    where: (device: string, ipAddress: string | null) => `${device}${ipAddress ? ` from ${ipAddress}` : ""}`,
    what: (where: string, at: string) => `Your Cto account was signed in to from a new device: ${where}, at ${at}.`,
    advice: "If it was you, there is nothing to do. If it was not, sign that session out and change your password",
    button: "Review your sessions",
  },
  notification: {
    textFooter: (settingsLink: string, unsubscribeLink: string) =>
      `Email notifications are on in your Cto settings: ${settingsLink}\nStop them: ${unsubscribeLink}`,
    htmlFooter: (settings: TLink, unsubscribe: TLink) =>
      html`Email notifications are on in your ${settings("Cto settings")}. ${unsubscribe("Stop these emails")}.`,
  },
  nudge: {
    textFooter: (unsubscribeLink: string) =>
      `You get this because coach nudges by email are on in your Cto settings.\nStop nudge emails: ${unsubscribeLink}`,
    htmlFooter: (settings: TLink, unsubscribe: TLink) =>
      html`You get this because coach nudges by email are on in your ${settings("Cto settings")}. ${unsubscribe("Stop nudge emails")}.`,
  },
};

const DE: typeof EN = {
  greeting: (name: string | null) => (name ? `Hallo ${name},` : "Hallo,"),
  pasteLink: "Oder kopiere diesen Link in deinen Browser:",
  automatic: html`Du bekommst diese E-Mail, weil jemand diese Adresse bei Cto angegeben hat.`,
  openCto: "Cto öffnen",
  verify: {
    subject: "Bestätige deine E-Mail-Adresse für Cto",
    text: "Öffne diesen Link innerhalb von 24 Stunden, um deine E-Mail-Adresse für Cto zu bestätigen:",
    html: "Bestätige, dass dies deine E-Mail-Adresse für Cto ist. Der Link gilt 24 Stunden.",
    button: "E-Mail bestätigen",
    notYou: "Wenn du dich nicht bei Cto registriert hast, ignoriere diese E-Mail.",
  },
  reset: {
    subject: "Setze dein Cto-Passwort zurück",
    text: "Jemand möchte dein Cto-Passwort zurücksetzen. Wenn du das warst, öffne diesen Link innerhalb einer Stunde:",
    html: "Jemand möchte dein Cto-Passwort zurücksetzen. Wenn du das warst, wähle innerhalb einer Stunde ein neues; der Link funktioniert einmal.",
    button: "Neues Passwort wählen",
    notYou: "Wenn du das nicht warst, ignoriere diese E-Mail: Dein Passwort bleibt, wie es ist.",
  },
  signIn: {
    subject: "Neue Anmeldung bei deinem Cto-Konto",
    unknownDevice: "unbekannter Browser",
    where: (device: string, ipAddress: string | null) => `${device}${ipAddress ? ` (IP ${ipAddress})` : ""}`,
    what: (where: string, at: string) =>
      `Bei deinem Cto-Konto hat sich ein neues Gerät angemeldet: ${where}, am ${at}.`,
    advice: "Wenn du das warst, ist nichts zu tun. Wenn nicht, melde diese Sitzung ab und ändere dein Passwort",
    button: "Deine Sitzungen ansehen",
  },
  notification: {
    textFooter: (settingsLink: string, unsubscribeLink: string) =>
      `E-Mail-Benachrichtigungen sind in deinen Cto-Einstellungen eingeschaltet: ${settingsLink}\nAbbestellen: ${unsubscribeLink}`,
    htmlFooter: (settings: TLink, unsubscribe: TLink) =>
      html`E-Mail-Benachrichtigungen sind in deinen ${settings("Cto-Einstellungen")} eingeschaltet. ${unsubscribe("Diese E-Mails abbestellen")}.`,
  },
  nudge: {
    textFooter: (unsubscribeLink: string) =>
      `Du bekommst das, weil Anstöße vom Coach per E-Mail in deinen Cto-Einstellungen eingeschaltet sind.\nAnstöße per E-Mail abbestellen: ${unsubscribeLink}`,
    htmlFooter: (settings: TLink, unsubscribe: TLink) =>
      html`Du bekommst das, weil Anstöße vom Coach per E-Mail in deinen ${settings("Cto-Einstellungen")} eingeschaltet sind. ${unsubscribe("Anstöße per E-Mail abbestellen")}.`,
  },
};

const MESSAGES: Record<TMailLocale, typeof EN> = { en: EN, de: DE };

const greeting = (messages: typeof EN, name: string | null) => messages.greeting(name?.trim() || null);

// One plain layout: readable without images or CSS support, inline styles only (mail clients drop <style>).
const layout = ({
  locale,
  title,
  body,
  footer,
}: {
  locale: TMailLocale;
  title: string;
  body: SafeHtml;
  footer: SafeHtml;
}) =>
  html`<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2328">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;line-height:1.5">
${body}
</div>
<p style="max-width:560px;margin:16px auto 0;font-size:12px;color:#59636e">${footer}</p>
</body>
</html>
`.value;

const button = (messages: typeof EN, href: string, label: string) =>
  html`<p style="margin:24px 0"><a href="${href}" style="display:inline-block;background:#1f6feb;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:6px">${label}</a></p>
<p style="font-size:13px;color:#59636e">${messages.pasteLink} <a href="${href}" style="color:#1f6feb;word-break:break-all">${href}</a></p>`;

/** A quiet link for the footer. */
const footerLink =
  (href: string): TLink =>
  (label) =>
    html`<a href="${href}" style="color:#59636e">${label}</a>`;

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

/** Subject, plain text and HTML of one email, in the recipient's language; every value from a user is escaped in the HTML. */
export const renderMail = (template: TMailTemplate): TRenderedMail => {
  const locale = template.locale ?? "en";
  const m = MESSAGES[locale];
  const hi = greeting(m, template.name);
  switch (template.kind) {
    case "VERIFY_EMAIL": {
      const { subject, text, html: intro, button: label, notYou } = m.verify;
      return {
        subject,
        text: `${hi}\n\n${text}\n\n${template.link}\n\n${notYou}\n`,
        html: layout({
          locale,
          title: subject,
          body: html`<p>${hi}</p><p>${intro}</p>${button(m, template.link, label)}<p>${notYou}</p>`,
          footer: m.automatic,
        }),
      };
    }
    case "PASSWORD_RESET": {
      const { subject, text, html: intro, button: label, notYou } = m.reset;
      return {
        subject,
        text: `${hi}\n\n${text}\n\n${template.link}\n\n${notYou}\n`,
        html: layout({
          locale,
          title: subject,
          body: html`<p>${hi}</p><p>${intro}</p>${button(m, template.link, label)}<p>${notYou}</p>`,
          footer: m.automatic,
        }),
      };
    }
    case "NEW_SIGN_IN": {
      const { subject, advice } = m.signIn;
      const what = m.signIn.what(
        m.signIn.where(template.device || m.signIn.unknownDevice, template.ipAddress),
        template.at,
      );
      return {
        subject,
        text: `${hi}\n\n${what}\n\n${advice}:\n\n${template.sessionsLink}\n`,
        html: layout({
          locale,
          title: subject,
          body: html`<p>${hi}</p><p>${what}</p><p>${advice}.</p>${button(m, template.sessionsLink, m.signIn.button)}`,
          footer: m.automatic,
        }),
      };
    }
    case "NOTIFICATION": {
      const subject = subjectFrom(template.content);
      return {
        subject,
        text: `${hi}\n\n${template.content}\n\n--\n${m.notification.textFooter(template.settingsLink, template.unsubscribeLink)}\n`,
        html: layout({
          locale,
          title: subject,
          body: html`<p>${hi}</p>${paragraphsOf(template.content)}${button(m, template.settingsLink, m.openCto)}`,
          footer: m.notification.htmlFooter(footerLink(template.settingsLink), footerLink(template.unsubscribeLink)),
        }),
      };
    }
    case "COACH_NUDGE": {
      const subject = subjectFrom(template.content);
      return {
        subject,
        text: `${hi}\n\n${template.content}\n\n${m.openCto}: ${template.settingsLink}\n\n--\n${m.nudge.textFooter(template.unsubscribeLink)}\n`,
        html: layout({
          locale,
          title: subject,
          body: html`<p>${hi}</p>${paragraphsOf(template.content)}${button(m, template.settingsLink, m.openCto)}`,
          footer: m.nudge.htmlFooter(footerLink(template.settingsLink), footerLink(template.unsubscribeLink)),
        }),
      };
    }
  }
};

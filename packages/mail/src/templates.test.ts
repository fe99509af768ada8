import { describe, expect, it } from "vitest";

import { escapeHtml, html } from "./html.ts";
import { mailLocaleOf, renderMail } from "./templates.ts";

const LINK = "https://cto.example/reset-password?token=abc_DEF-123";
const HOSTILE_NAME = `<script>alert("x")</script> O'Brien & <img src=x onerror=alert(1)>`;

describe("email templates", () => {
  it("escapes a user's name in the HTML body and keeps it readable in the text body", () => {
    for (const kind of ["VERIFY_EMAIL", "PASSWORD_RESET"] as const) {
      const mail = renderMail({ kind, name: HOSTILE_NAME, link: LINK });
      expect(mail.html).not.toContain("<script>");
      expect(mail.html).not.toContain("<img");
      expect(mail.html).toContain(
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; &lt;img src=x onerror=alert(1)&gt;",
      );
      expect(mail.text).toContain(`Hi ${HOSTILE_NAME},`);
      expect(mail.html).toContain(`href="${LINK}"`);
      expect(mail.text).toContain(LINK);
    }
  });

  it("greets without a name when there is none or it is blank", () => {
    expect(renderMail({ kind: "VERIFY_EMAIL", name: null, link: LINK }).text.startsWith("Hi,\n")).toBe(true);
    expect(renderMail({ kind: "PASSWORD_RESET", name: "   ", link: LINK }).text.startsWith("Hi,\n")).toBe(true);
  });

  it("a link with quotes or markup cannot leave its attribute", () => {
    const mail = renderMail({ kind: "PASSWORD_RESET", name: "Ann", link: `https://x.example/"><script>1</script>` });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain('href="https://x.example/&quot;&gt;&lt;script&gt;1&lt;/script&gt;"');
  });

  it("a notification escapes its text, keeps its paragraphs, and makes a one-line subject without control characters", () => {
    const content = `Reminder: <b>call Sam</b>\r\nBcc: victim@example.com\n\nSecond & last paragraph`;
    const mail = renderMail({
      kind: "NOTIFICATION",
      name: "Ann",
      content,
      settingsLink: "https://cto.example/settings",
      unsubscribeLink: "https://cto.example/unsubscribe?token=t",
    });
    expect(mail.subject).toBe("Cto: Reminder: <b>call Sam</b>");
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).toContain("&lt;b&gt;call Sam&lt;/b&gt;");
    expect(mail.html).toContain("Second &amp; last paragraph");
    expect(mail.html).toContain('href="https://cto.example/unsubscribe?token=t"');
    expect(mail.text).toContain(content);
    expect(mail.text).toContain("https://cto.example/unsubscribe?token=t");
  });

  it("shortens a long first line in the subject", () => {
    const mail = renderMail({
      kind: "NOTIFICATION",
      name: null,
      content: "x".repeat(500),
      settingsLink: "https://a.example",
      unsubscribeLink: "https://a.example/u",
    });
    expect(mail.subject).toHaveLength("Cto: ".length + 80);
    expect(mail.subject.endsWith("...")).toBe(true);
  });

  it("writes German for locale de: subject, greeting, button, html lang; links kept and the name escaped", () => {
    const mail = renderMail({ kind: "PASSWORD_RESET", locale: "de", name: HOSTILE_NAME, link: LINK });
    expect(mail.subject).toBe("Setze dein Cto-Passwort zurück");
    expect(mail.html).toContain('<html lang="de">');
    expect(mail.html).toContain("Neues Passwort wählen");
    expect(mail.html).toContain("Oder kopiere diesen Link in deinen Browser:");
    expect(mail.html).not.toMatch(/Choose a new password|Or paste this link|You get this email/);
    expect(mail.html).toContain(`href="${LINK}"`);
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("Hallo &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp;");
    expect(mail.text).toContain(`Hallo ${HOSTILE_NAME},`);
    expect(mail.text).toContain(LINK);
    expect(renderMail({ kind: "VERIFY_EMAIL", name: null, link: LINK }).html).toContain('<html lang="en">');
  });

  it("has German for every kind, and for the footer links of notifications and nudges", () => {
    const links = { settingsLink: "https://cto.example/settings", unsubscribeLink: "https://cto.example/u?token=t" };
    const verify = renderMail({ kind: "VERIFY_EMAIL", locale: "de", name: "Ann", link: LINK });
    expect(verify.subject).toBe("Bestätige deine E-Mail-Adresse für Cto");
    expect(verify.text.startsWith("Hallo Ann,\n")).toBe(true);
    const signIn = renderMail({
      kind: "NEW_SIGN_IN",
      locale: "de",
      name: null,
      device: null,
      ipAddress: "192.0.2.1",
      at: "2026-12-06 04:50 UTC",
      sessionsLink: "https://cto.example/settings#security",
    });
    expect(signIn.subject).toBe("Neue Anmeldung bei deinem Cto-Konto");
    expect(signIn.text).toContain("unbekannter Browser (IP 192.0.2.1), am 2026-12-06 04:50 UTC.");
    expect(signIn.html).toContain("Deine Sitzungen ansehen");
    const nudge = renderMail({
      kind: "COACH_NUDGE",
      locale: "de",
      name: null,
      content: "Heute <b>Sam</b> anrufen",
      ...links,
    });
    expect(nudge.subject).toBe("Cto: Heute <b>Sam</b> anrufen");
    expect(nudge.html).toContain(
      '<a href="https://cto.example/u?token=t" style="color:#59636e">Anstöße per E-Mail abbestellen</a>',
    );
    expect(nudge.html).toContain("Heute &lt;b&gt;Sam&lt;/b&gt; anrufen");
    expect(nudge.text).toContain("Anstöße per E-Mail abbestellen: https://cto.example/u?token=t");
    const notification = renderMail({
      kind: "NOTIFICATION",
      locale: "de",
      name: null,
      content: "Erinnerung",
      ...links,
    });
    expect(notification.html).toContain(">Diese E-Mails abbestellen</a>");
    expect(notification.html).toContain(">Cto öffnen</a>");
  });

  it("takes the language from preferences.locale, English when unset or unknown", () => {
    expect(mailLocaleOf({ locale: "de" })).toBe("de");
    for (const preferences of [{ locale: "fr" }, { locale: null }, {}, null, undefined, "de"])
      expect(mailLocaleOf(preferences)).toBe("en");
  });

  it("takes the language the request asks for when the account chose none; a chosen one wins", () => {
    for (const preferences of [{}, null, { locale: "fr" }, { locale: null }])
      expect(mailLocaleOf(preferences, "de")).toBe("de");
    expect(mailLocaleOf({ locale: "en" }, "de")).toBe("en");
    expect(mailLocaleOf({ locale: "de" }, "en")).toBe("de");
    expect(mailLocaleOf({}, undefined)).toBe("en");
  });

  it("html escapes every interpolation, arrays included, but not its own markup", () => {
    const inner = html`<b>${"<i>"}</b>`;
    expect(html`<p>${inner}${["<a>", 1, null, undefined]}</p>`.value).toBe("<p><b>&lt;i&gt;</b>&lt;a&gt;1</p>");
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });
});

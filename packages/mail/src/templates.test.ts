import { describe, expect, it } from "vitest";

import { escapeHtml, html } from "./html.ts";
import { renderMail } from "./templates.ts";

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

  it("html escapes every interpolation, arrays included, but not its own markup", () => {
    const inner = html`<b>${"<i>"}</b>`;
    expect(html`<p>${inner}${["<a>", 1, null, undefined]}</p>`.value).toBe("<p><b>&lt;i&gt;</b>&lt;a&gt;1</p>");
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });
});

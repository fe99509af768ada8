import { describe, expect, it } from "vitest";

import { renderMail } from "./templates.ts";
import {
  hashUnsubscribeToken,
  newUnsubscribeToken,
  unsubscribeHeaders,
  unsubscribeLinks,
  unsubscribeListOf,
} from "./unsubscribe.ts";

const HOSTILE = `Your commitment "<script>alert(1)</script> & <img src=x onerror=alert(2)>" is due Mon 7 Dec.`;

describe("coach nudge emails", () => {
  const { token, hash } = newUnsubscribeToken("nudges");
  const links = unsubscribeLinks("https://cto.example/", token);
  const mail = renderMail({
    kind: "COACH_NUDGE",
    name: `Ann <b>"Bold"</b>`,
    content: `${HOSTILE}\r\nBcc: victim@example.com\n\nOne small step today keeps it alive.`,
    settingsLink: "https://cto.example/settings",
    unsubscribeLink: links.page,
  });

  it("escapes the user's text and name in the HTML and keeps them readable in the plain text", () => {
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).not.toContain("<b>");
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;");
    expect(mail.html).toContain("Ann &lt;b&gt;&quot;Bold&quot;&lt;/b&gt;");
    expect(mail.text).toContain(HOSTILE);
    expect(mail.text).toContain("One small step today keeps it alive.");
  });

  it("has a one-line subject without control characters (no header injection)", () => {
    expect(mail.subject.startsWith("Cto: Your commitment")).toBe(true);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject.length).toBeLessThanOrEqual(85);
  });

  it("links the unsubscribe page in both bodies and names why it was sent", () => {
    expect(links.page).toBe(`https://cto.example/unsubscribe?token=${token}`);
    expect(mail.html).toContain(`href="${links.page}"`);
    expect(mail.text).toContain(`Stop nudge emails: ${links.page}`);
    expect(mail.text).toContain("coach nudges by email are on");
  });

  it("carries RFC 8058 one-click headers pointing at the API's POST /unsubscribe", () => {
    expect(unsubscribeHeaders(links.oneClick)).toEqual({
      "List-Unsubscribe": `<https://cto.example/api/unsubscribe?token=${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("makes unguessable tokens naming their list, stored only as a hash", () => {
    const other = newUnsubscribeToken("nudges");
    expect(other.token).not.toBe(token);
    expect(token).toMatch(/^nudges\.[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(hashUnsubscribeToken(token));
    expect(hash).not.toContain(token.split(".")[1]);
    expect(unsubscribeListOf(token)).toBe("nudges");
    expect(unsubscribeListOf(`reports.${token.split(".")[1]}`)).toBeNull();
    expect(unsubscribeListOf("nudges.short")).toBeNull();
    expect(unsubscribeListOf("")).toBeNull();
  });
});

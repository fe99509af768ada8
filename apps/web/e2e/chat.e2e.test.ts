import { describe, expect, it } from "vitest";

import { expectVisible, screenshot, useE2e } from "./harness.ts";

describe("coach chat", () => {
  const e2e = useE2e();

  it("lists conversations with summaries, streams a reply and shows its sources", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 860 } });
    await e2e.signIn(page);
    await page.goto("/chat");
    const list = page.getByRole("navigation", { name: "Conversations" });
    await expectVisible(list.getByText("Wants to hand the release process to Priya"));
    await list.getByRole("link", { name: /Delegating the release/ }).click();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);

    const box = page.getByLabel("Message to your coach");
    await box.fill("How do I hand the release checklist to Priya without losing quality?");
    await box.press("Enter");
    await expectVisible(page.getByRole("article", { name: "You" }).filter({ hasText: "hand the release checklist to Priya" }));
    const reply = page.getByRole("article", { name: "Coach" }).last();
    await expectVisible(reply.getByText(/offline local coach/i));
    await expectVisible(reply.getByText(/sources? used/));
    await reply.getByText(/sources? used/).click();
    await expectVisible(reply.getByRole("listitem").first());
    await screenshot(page, "chat-reply");

    // The turn is stored: both messages are in the thread after a reload.
    await page.reload();
    await expectVisible(page.getByRole("article", { name: "You" }).filter({ hasText: "hand the release checklist to Priya" }));
    const conversationId = page.url().split("/").pop()!;
    const stored = await e2e.stack.db.message.findMany({ where: { conversationId }, orderBy: { createdAt: "desc" }, take: 2 });
    expect(stored.map((message) => message.role).sort()).toEqual(["ASSISTANT", "USER"]);
  });

  it("starts a new conversation and refuses a blank message", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.goto("/chat");
    await page.getByRole("button", { name: "New conversation" }).click();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "Send" }).click({ force: true });
    await expectVisible(page.getByText("Say hello, or tell the coach"));
    await page.getByLabel("Message to your coach").fill("   ");
    await page.getByLabel("Message to your coach").press("Enter");
    await expectVisible(page.getByText("Write a message first."));
    await page.getByLabel("Message to your coach").fill("I want to sleep better this month.");
    await page.getByRole("button", { name: "Send" }).click();
    await expectVisible(page.getByRole("article", { name: "Coach" }).getByText(/offline local coach/i));
    await expect(page.getByRole("navigation", { name: "Conversations" }).getByRole("link").count()).resolves.toBeGreaterThanOrEqual(2);
  });

  it("explains a refused message and gives the text back", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.route("**/api/conversations/*/chat", (route) =>
      route.fulfill({ status: 429, contentType: "application/json", headers: { "retry-after": "30" }, body: JSON.stringify({ error: { code: "rate_limited", message: "Today's AI budget of 50000 tokens is spent; it resets at midnight UTC.", requestId: "e2e" } }) }),
    );
    await page.goto("/chat");
    await page.getByRole("navigation", { name: "Conversations" }).getByRole("link").first().click();
    await page.getByLabel("Message to your coach").fill("Are you there?");
    await page.getByRole("button", { name: "Send" }).click();
    await expectVisible(page.getByRole("alert").getByText("Today's AI budget of 50000 tokens is spent; it resets at midnight UTC."));
    await expect(page.getByLabel("Message to your coach").inputValue()).resolves.toBe("Are you there?");
    await screenshot(page, "chat-refused");
  });

  it("shows one pane at a time on a phone", async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 800 } });
    await e2e.signIn(page);
    await page.goto("/chat");
    await page.getByRole("navigation", { name: "Conversations" }).getByRole("link").first().click();
    await expectVisible(page.getByLabel("Message to your coach"));
    await expect(page.getByRole("navigation", { name: "Conversations" }).isVisible()).resolves.toBe(false);
    await screenshot(page, "chat-phone");
    await page.getByRole("button", { name: "← Back" }).click();
    await expectVisible(page.getByRole("navigation", { name: "Conversations" }));
  });

  it("loads more conversations than one page", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 860 } });
    const { email } = await e2e.signUpFresh(page);
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    const start = Date.now() - 3_600_000;
    // Newest activity first: conversation 32 on top, 1 at the very end.
    await e2e.stack.db.conversation.createMany({ data: Array.from({ length: 32 }, (_, index) => ({ userId: user.id, title: `Conversation ${index + 1}`, updatedAt: new Date(start + index * 1000) })) });
    await page.goto("/chat");
    const list = page.getByRole("navigation", { name: "Conversations" });
    await expectVisible(list.getByRole("link", { name: /^Conversation 32/ }));
    await expect(list.getByRole("link").count()).resolves.toBe(30);
    await list.getByRole("button", { name: "Load more conversations" }).click();
    await expectVisible(list.getByRole("link", { name: /^Conversation 1\b/ }));
    await expect(list.getByRole("link").count()).resolves.toBe(32);
  });
});

import { describe, expect, it } from "vitest";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import { localEmbedding } from "@cto/ai/local-provider";
import { completionChunk, sendJson, sendSse, startStandIn } from "@cto/ai/testing";

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
    await expectVisible(
      page.getByRole("article", { name: "You" }).filter({ hasText: "hand the release checklist to Priya" }),
    );
    const reply = page.getByRole("article", { name: "Coach" }).last();
    await expectVisible(reply.getByText(/offline local coach/i));
    await expectVisible(reply.getByText(/sources? used/));
    await reply.getByText(/sources? used/).click();
    await expectVisible(reply.getByRole("listitem").first());
    await screenshot(page, "chat-reply");

    // The turn is stored: both messages are in the thread after a reload.
    await page.reload();
    await expectVisible(
      page.getByRole("article", { name: "You" }).filter({ hasText: "hand the release checklist to Priya" }),
    );
    const conversationId = page.url().split("/").pop()!;
    const stored = await e2e.stack.db.message.findMany({
      where: { conversationId },
      orderBy: { createdAt: "desc" },
      take: 2,
    });
    expect(stored.map((message) => message.role).sort()).toEqual(["ASSISTANT", "USER"]);
  });

  it("keeps a reply's sources open when the streamed reply gives way to the stored one", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 860 } });
    await e2e.signIn(page);
    await page.goto("/chat");
    await page
      .getByRole("navigation", { name: "Conversations" })
      .getByRole("link", { name: /Delegating the release/ })
      .click();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    await expectVisible(page.getByRole("article", { name: "You" }).first());
    // The thread's reload after the reply waits until the sources are open, as on a slow connection: until
    // then the streamed reply is shown, afterwards the stored one in its place.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/api\/conversations\/[0-9a-f-]{36}\/messages(\?|$)/, async (route) => {
      if (route.request().method() === "GET") await held;
      await route.continue();
    });
    const box = page.getByLabel("Message to your coach");
    await box.fill("How do I hand the release checklist to Priya without losing quality?");
    await box.press("Enter");
    const reply = page.getByRole("article", { name: "Coach" }).last();
    await expectVisible(reply.getByText(/sources? used/));
    // Only a stored reply has the explanation.
    expect(await reply.getByText("Why did the coach do that?").count()).toBe(0);
    await reply.getByText(/sources? used/).click();
    await expectVisible(reply.getByRole("listitem").first());
    release();
    await expectVisible(reply.getByText("Why did the coach do that?"));
    await expectVisible(reply.getByRole("listitem").first());
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
    await expect(
      page.getByRole("navigation", { name: "Conversations" }).getByRole("link").count(),
    ).resolves.toBeGreaterThanOrEqual(2);
  });

  it("explains a refused message and gives the text back", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.route("**/api/conversations/*/chat", (route) =>
      route.fulfill({
        status: 429,
        contentType: "application/json",
        headers: { "retry-after": "30" },
        body: JSON.stringify({
          error: {
            code: "rate_limited",
            message: "Today's AI budget of 50000 tokens is spent; it resets at midnight UTC.",
            requestId: "e2e",
          },
        }),
      }),
    );
    await page.goto("/chat");
    await page.getByRole("navigation", { name: "Conversations" }).getByRole("link").first().click();
    await page.getByLabel("Message to your coach").fill("Are you there?");
    await page.getByRole("button", { name: "Send" }).click();
    await expectVisible(
      page.getByRole("alert").getByText("Today's AI budget of 50000 tokens is spent; it resets at midnight UTC."),
    );
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
    await e2e.stack.db.conversation.createMany({
      data: Array.from({ length: 32 }, (_, index) => ({
        userId: user.id,
        title: `Conversation ${index + 1}`,
        updatedAt: new Date(start + index * 1000),
      })),
    });
    await page.goto("/chat");
    const list = page.getByRole("navigation", { name: "Conversations" });
    await expectVisible(list.getByRole("link", { name: /^Conversation 32/ }));
    await expect(list.getByRole("link").count()).resolves.toBe(30);
    await list.getByRole("button", { name: "Load more conversations" }).click();
    await expectVisible(list.getByRole("link", { name: /^Conversation 1\b/ }));
    await expect(list.getByRole("link").count()).resolves.toBe(32);
  });

  it("starts from a suggested prompt, titles the thread, and renames, pins, archives, deletes with undo, finds and switches model", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 860 } });
    const { email } = await e2e.signUpFresh(page);
    await page.goto("/chat");
    await page.getByRole("button", { name: "Start a conversation" }).click();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    const conversationId = page.url().split("/").pop()!;
    const starters = page.getByRole("list", { name: "Suggested first messages" });
    await starters.getByRole("button", { name: "Help me plan my week around what matters most." }).click();
    await expect(page.getByLabel("Message to your coach").inputValue()).resolves.toBe(
      "Help me plan my week around what matters most.",
    );
    await page.getByRole("button", { name: "Send" }).click();
    await expectVisible(page.getByRole("article", { name: "Coach" }).getByText(/offline local coach/i));
    const list = page.getByRole("navigation", { name: "Conversations" });
    await expectVisible(list.getByRole("link", { name: /Plan my week around what matters/ }));

    // The model picker offers the server's models; the choice is stored on the conversation.
    const picker = page.getByRole("combobox", { name: "Model" });
    await picker.selectOption("cto-local-coach-v1");
    await expect
      .poll(async () => (await e2e.stack.db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).model)
      .toBe("cto-local-coach-v1");

    const actionsFor = (name: RegExp) => list.getByRole("button", { name }).first();
    await actionsFor(/^Actions for Plan my week/).click();
    await list.getByRole("button", { name: "Rename" }).click();
    const rename = list.getByRole("textbox", { name: /^New title for/ });
    await rename.fill("Weekly planning <b>bold</b>");
    await rename.press("Enter");
    await expectVisible(list.getByRole("link", { name: /Weekly planning <b>bold<\/b>/ }));
    await actionsFor(/^Actions for Weekly planning/).click();
    await list.getByRole("button", { name: "Pin" }).click();
    await expectVisible(list.getByText("Pinned", { exact: true }));

    await page.getByRole("button", { name: "New conversation" }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(conversationId));
    await list.getByRole("searchbox", { name: "Search conversations" }).fill("matters most");
    const results = list.getByRole("list", { name: "Search results" });
    await expectVisible(results.getByRole("link", { name: /Weekly planning/ }));
    await list.getByRole("searchbox", { name: "Search conversations" }).fill("");

    await actionsFor(/^Actions for Weekly planning/).click();
    await list.getByRole("button", { name: "Archive" }).click();
    await expect.poll(() => list.getByRole("link", { name: /Weekly planning/ }).count()).toBe(0);
    await list.getByRole("radio", { name: "Archive" }).click();
    await actionsFor(/^Actions for Weekly planning/).click();
    await list.getByRole("button", { name: "Delete" }).click();
    await expectVisible(list.getByRole("status").getByText(/moved to the trash/));
    await list.getByRole("button", { name: "Undo" }).click();
    await expectVisible(list.getByRole("link", { name: /Weekly planning/ }));
    const stored = await e2e.stack.db.conversation.findFirstOrThrow({
      where: { user: { email }, title: { startsWith: "Weekly planning" } },
    });
    expect(stored).toMatchObject({ isPinned: true, isActive: false, deletedAt: null });
    await screenshot(page, "chat-conversation-controls");
  });

  it("acts on a plain request without an AI key: a reminder at 9:00 tomorrow, shown on the commitments page", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 860 } });
    await e2e.signUpFresh(page);
    await page.goto("/chat");
    await page.getByRole("button", { name: "Start a conversation" }).click();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    await page.getByLabel("Message to your coach").fill("Can you remind me tomorow at 9 to call Sam?");
    await page.getByLabel("Message to your coach").press("Enter");
    const reply = page.getByRole("article", { name: "Coach" }).last();
    await expectVisible(reply.getByText(/I added your commitment “Call Sam” and will remind you on .*09:00/));
    await expect(reply.textContent()).resolves.not.toMatch(/You are Cto|calm and practical/);
    await screenshot(page, "chat-offline-tool");
    await page.goto("/goals");
    await page.getByRole("tab", { name: "Commitments" }).click();
    await expectVisible(page.getByRole("tabpanel").getByText("Call Sam"));
  });

  it("keeps the message once, says what failed and offers Retry when the AI provider is down", async () => {
    let failing = true;
    const standIn = await startStandIn((request, res) => {
      if (failing) return sendJson(res, 500, { error: { message: "upstream exploded", type: "server_error" } });
      if (request.path.endsWith("/embeddings")) {
        const inputs = request.body.input as string[];
        return sendJson(res, 200, {
          object: "list",
          model: "text-embedding-3-small",
          data: inputs.map((text, index) => ({ object: "embedding", index, embedding: localEmbedding(text) })),
          usage: { prompt_tokens: 3, total_tokens: 3 },
        });
      }
      return sendSse(res, [
        completionChunk({ content: "Back again: what is the one decision the board must make?" }),
        completionChunk({}, "stop"),
      ]);
    });
    e2e.stack.useAi(
      createAiProvider(parseAiConfig({ OPENAI_API_KEY: "e2e", OPENAI_BASE_URL: standIn.baseUrl, AI_MAX_RETRIES: "0" })),
    );
    try {
      const page = await e2e.newPage({ viewport: { width: 1280, height: 860 } });
      await e2e.signUpFresh(page);
      await page.goto("/chat");
      await page.getByRole("button", { name: "Start a conversation" }).click();
      await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
      const conversationId = page.url().split("/").pop()!;
      const box = page.getByLabel("Message to your coach");
      await box.fill("How do I prepare for the board meeting?");
      await box.press("Enter");

      const alert = page.getByRole("alert").filter({ hasText: "The coach could not reply" });
      await expectVisible(
        alert.getByText("The AI provider failed (HTTP 500) while searching your memory. Your message is saved."),
      );
      await expect(alert.textContent()).resolves.not.toContain("upstream exploded");
      const mine = page
        .getByRole("article", { name: "You" })
        .filter({ hasText: "How do I prepare for the board meeting?" });
      await expect(mine.count()).resolves.toBe(1);
      await expect(box.inputValue()).resolves.toBe("");
      await screenshot(page, "chat-provider-down");

      // After a reload the thread still says so, and still offers Retry.
      await page.reload();
      await expectVisible(alert.getByRole("button", { name: "Retry" }));
      await expect(mine.count()).resolves.toBe(1);

      failing = false;
      await alert.getByRole("button", { name: "Retry" }).click();
      await expectVisible(
        page
          .getByRole("article", { name: "Coach" })
          .getByText("Back again: what is the one decision the board must make?"),
      );
      await expect(alert.count()).resolves.toBe(0);
      await expect(mine.count()).resolves.toBe(1);
      // The reply's text streams in before the API stores it (the stream's done event follows the write).
      const roles = () =>
        e2e.stack.db.message
          .findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } })
          .then((rows) => rows.map((message) => message.role));
      await expect.poll(roles, { timeout: 15_000 }).toEqual(["USER", "ASSISTANT"]);
    } finally {
      e2e.stack.useAi(null);
      await standIn.close();
    }
  });

  it("gives the text back when the message never reached Cto", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.route("**/api/conversations/*/chat", (route) => route.abort("connectionrefused"));
    await page.goto("/chat");
    await page.getByRole("navigation", { name: "Conversations" }).getByRole("link").first().click();
    await page.getByLabel("Message to your coach").fill("Is anyone there?");
    await page.getByRole("button", { name: "Send" }).click();
    await expectVisible(
      page.getByRole("alert").getByText("Cto cannot be reached. Check your connection and try again."),
    );
    await expect(page.getByLabel("Message to your coach").inputValue()).resolves.toBe("Is anyone there?");
    await expect(
      page.getByRole("article", { name: "You" }).filter({ hasText: "Is anyone there?" }).count(),
    ).resolves.toBe(0);
    await expect(page.getByRole("alert").getByRole("button", { name: "Retry" }).count()).resolves.toBe(0);
  });

  it("renders a reply's markdown safely, stops a reply mid-stream, regenerates and flips between replies", async () => {
    let streams = 0;
    const standIn = await startStandIn((request, res) => {
      if (request.path.endsWith("/embeddings")) {
        const inputs = request.body.input as string[];
        return sendJson(res, 200, {
          object: "list",
          model: "text-embedding-3-small",
          data: inputs.map((text, index) => ({ object: "embedding", index, embedding: localEmbedding(text) })),
          usage: { prompt_tokens: 3, total_tokens: 3 },
        });
      }
      if (!request.body.stream)
        return sendJson(res, 200, {
          id: "chatcmpl-title",
          object: "chat.completion",
          created: 1_700_000_000,
          model: "gpt-4o-mini",
          choices: [{ index: 0, message: { role: "assistant", content: "Planning" }, finish_reason: "stop" }],
          usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
        });
      streams += 1;
      if (streams === 1)
        return sendSse(res, [
          completionChunk({ content: "**Bold plan**\n\n- step one\n- step two\n\n" }),
          completionChunk({ content: "```js\nconst answer = 42;\n```\n\n" }),
          completionChunk({
            content:
              '<img src=x onerror="window.__pwned = 1"> [bad](javascript:window.__pwned=1) [docs](https://example.com/docs)',
          }),
          completionChunk({}, "stop"),
        ]);
      // The second reply streams a little, then never ends: only Stop ends it.
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(`data: ${JSON.stringify(completionChunk({ content: "Partial second answer" }))}\n\n`);
    });
    e2e.stack.useAi(
      createAiProvider(parseAiConfig({ OPENAI_API_KEY: "e2e", OPENAI_BASE_URL: standIn.baseUrl, AI_MAX_RETRIES: "0" })),
    );
    try {
      const page = await e2e.newPage({ viewport: { width: 1280, height: 860 } });
      await e2e.signUpFresh(page);
      await page.goto("/chat");
      await page.getByRole("button", { name: "Start a conversation" }).click();
      await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
      await page.getByLabel("Message to your coach").fill("Plan my week");
      await page.getByLabel("Message to your coach").press("Enter");

      const reply = page.getByRole("article", { name: "Coach" }).last();
      await expectVisible(reply.locator("strong", { hasText: "Bold plan" }));
      await expect(reply.locator("li").count()).resolves.toBe(2);
      await expectVisible(reply.locator("pre code", { hasText: "const answer = 42;" }));
      await expectVisible(reply.getByRole("button", { name: "Copy code" }));
      const docs = reply.getByRole("link", { name: "docs" });
      await expect(docs.getAttribute("rel")).resolves.toContain("noopener");
      await expect(docs.getAttribute("target")).resolves.toBe("_blank");
      await expect(reply.locator("img, script").count()).resolves.toBe(0);
      await expect(reply.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
      await expect(page.evaluate(() => (window as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
      await screenshot(page, "chat-markdown");

      // Regenerate: the second reply streams, and Stop keeps what came.
      await reply.getByRole("button", { name: "Regenerate" }).click();
      await expectVisible(page.getByRole("article", { name: "Coach" }).getByText("Partial second answer"));
      await page.getByRole("button", { name: "Stop" }).click();
      const stopped = page.getByRole("article", { name: "Coach" }).filter({ hasText: "Partial second answer" });
      await expectVisible(stopped.getByText("Stopped"));
      await expectVisible(page.getByRole("button", { name: "Send" }));
      await expectVisible(stopped.getByLabel("Reply 2 of 2"));

      // Flip back to the first reply; a reload shows the one chosen.
      await stopped.getByRole("button", { name: "Previous reply" }).click();
      await expectVisible(page.getByRole("article", { name: "Coach" }).getByLabel("Reply 1 of 2"));
      await page.reload();
      await expectVisible(page.getByRole("article", { name: "Coach" }).locator("strong", { hasText: "Bold plan" }));
      await expect(page.getByText("Partial second answer").count()).resolves.toBe(0);
    } finally {
      e2e.stack.useAi(null);
      await standIn.close();
    }
  });

  it("edits a sent message and flips back to the old branch; a reply's source opens what it cites", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 860 } });
    await e2e.signIn(page);
    await page.goto("/chat");
    await page.getByRole("button", { name: "New conversation" }).click();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    const conversationId = page.url().split("/").pop()!;
    const box = page.getByLabel("Message to your coach");
    const mine = (text: string) => page.getByRole("article", { name: "You" }).filter({ hasText: text });
    const coach = page.getByRole("article", { name: "Coach" });
    for (const [text, replies] of [
      ["How do I delegate the release process to Priya?", 1],
      ["What should the checklist say?", 2],
    ] as const) {
      await box.fill(text);
      await box.press("Enter");
      await expect.poll(() => coach.count()).toBe(replies);
      await expectVisible(page.getByRole("button", { name: "Send" }));
    }

    // Edit the first message: the coach answers the edit, and the thread after the old text goes.
    await mine("delegate the release").getByRole("button", { name: "Edit" }).click();
    await page.getByLabel("Edit your message").fill("How do I get two deep-work blocks a day?");
    await page.getByRole("button", { name: "Save and ask again" }).click();
    const edited = mine("two deep-work blocks");
    await expectVisible(edited.getByLabel("Version 2 of 2"));
    await expect.poll(() => coach.count()).toBe(1);
    await expect(mine("checklist").count()).resolves.toBe(0);
    await screenshot(page, "chat-edited");

    // Flip back: the first text, with everything that followed it; a reload keeps the choice.
    await edited.getByRole("button", { name: "Previous version" }).click();
    await expectVisible(mine("delegate the release").getByLabel("Version 1 of 2"));
    await expectVisible(mine("checklist"));
    await page.reload();
    await expectVisible(mine("checklist"));
    await expect(mine("two deep-work blocks").count()).resolves.toBe(0);
    await expect(e2e.stack.db.message.count({ where: { conversationId, role: "USER" } })).resolves.toBe(3);

    // A source under a reply is a link to what it cites.
    const reply = coach.first();
    await reply.getByText(/sources? used/).click();
    const link = reply.getByRole("listitem").getByRole("link").first();
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(/^\/(goals|chat|reports|search|settings|assistant)/);
    await link.click();
    await page.waitForURL((url) => `${url.pathname}${url.search}${url.hash}` === href);
  });
});

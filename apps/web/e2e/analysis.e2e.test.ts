import { describe, expect, it } from "vitest";

import { DEMO_USER, seedId } from "@cto/db/seed";

import { expectVisible, screenshot, useE2e } from "./harness.ts";

const seeded = (name: string) => seedId(`${DEMO_USER.id}:${name}`);

describe("analysis sessions", () => {
  const e2e = useE2e();

  it("lists sessions by last activity, filters by status and opens the trash", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.goto("/analysis");
    const list = page.getByRole("list", { name: "Analysis sessions" });
    await expectVisible(list);
    const names = await list.getByRole("link").allTextContents();
    expect(names).toEqual(["Team chat", "Reply to Alex about the offer", "Draft for my manager"]);
    await screenshot(page, "analysis-list");

    await page.getByLabel("Status").selectOption({ label: "Check the text" });
    await page.waitForURL(/status=verifying_ocr/);
    await expect.poll(() => list.getByRole("link").allTextContents()).toEqual(["Team chat"]);

    await page.getByRole("radio", { name: "Trash" }).click();
    await page.getByLabel("Status").selectOption({ label: "Any status" });
    await expectVisible(page.getByRole("list", { name: "Sessions in the trash" }).getByText("Old conversation"));
  });

  it("checks and corrects the OCR of a screenshot, then confirms it into messages", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.goto("/analysis");
    await page.getByRole("link", { name: "Team chat" }).click();
    await expectVisible(page.getByRole("heading", { name: "Check what was read" }));
    await expect(page.getByLabel("Line 1: text").inputValue()).resolves.toBe("Can you cover the on-call this weekend?");
    await page.getByLabel("Line 2: text").fill("Let me check my plans first");
    await page.getByRole("button", { name: "Add a line" }).click();
    await page.getByLabel("Line 3: who wrote it").selectOption("user");
    await page.getByLabel("Line 3: text").fill("I can do Saturday");
    await screenshot(page, "analysis-ocr");

    // Blank lines are dropped; with none left the page says so and sends nothing.
    for (const line of [1, 2, 3]) await page.getByLabel(`Line ${line}: text`).fill(" ");
    await page.getByRole("button", { name: /^Confirm/ }).click();
    await expectVisible(page.getByRole("alert").filter({ hasText: "Keep at least one line with text." }));
    await page.getByLabel("Line 1: text").fill("Can you cover the on-call this weekend?");
    await page.getByLabel("Line 2: text").fill("Let me check my plans first");
    await page.getByLabel("Line 3: text").fill("I can do Saturday");

    await page.getByRole("button", { name: "Confirm 3 lines" }).click();
    const chat = page.getByRole("list", { name: "Conversation" });
    await expectVisible(chat.getByText("I can do Saturday"));
    const stored = await e2e.stack.db.analysisMessage.findMany({
      where: { analysisSessionId: seeded("analysis:verifying") },
      orderBy: { timestamp: "asc" },
    });
    expect(stored.map((message) => [message.author, message.text])).toEqual([
      ["CONTACT", "Can you cover the on-call this weekend?"],
      ["USER", "Let me check my plans first"],
      ["USER", "I can do Saturday"],
    ]);
    const session = await e2e.stack.db.analysisSession.findUniqueOrThrow({
      where: { id: seeded("analysis:verifying") },
    });
    expect(session.ocrResult).toBeNull();
  });

  it("says the screenshot is being read while it is, and keeps it in view beside the lines while they are corrected", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 900 } });
    const { email } = await e2e.signUpFresh(page);
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    const created = await e2e.stack.db.analysisSession.create({
      data: { userId: user.id, type: "SCREENSHOT", name: "Chat with Sam", status: "ANALYSIS_IN_PROGRESS" },
    });
    // As the upload leaves it: the screenshot is stored under the session's own path.
    const session = await e2e.stack.db.analysisSession.update({
      where: { id: created.id },
      data: { screenshotUrl: `/analysis-sessions/${created.id}/screenshot` },
    });
    // The stored image, as GET …/screenshot serves it (uploading needs Redis, which this stack runs without).
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    await page.route(`**/api/analysis-sessions/${session.id}/screenshot`, (route) =>
      route.fulfill({ status: 200, contentType: "image/png", body: png }),
    );
    await page.goto(`/analysis/${session.id}`);
    await expectVisible(page.getByRole("heading", { name: "Reading your screenshot…" }));
    await expectVisible(page.getByRole("img", { name: "Your screenshot" }));
    await expect(page.getByText("No messages yet").count()).resolves.toBe(0);
    await expect(page.getByText(/Add the conversation line by line/).count()).resolves.toBe(0);

    // The worker finishes reading: the page updates by itself to the check, the image still beside the lines.
    await e2e.stack.db.analysisSession.update({
      where: { id: session.id },
      data: { status: "VERIFYING_OCR", ocrResult: [{ id: "1", text: "Are you coming on Friday?", author: "contact" }] },
    });
    await expectVisible(page.getByRole("heading", { name: "Check what was read" }));
    const image = page
      .getByRole("region", { name: "Check what was read" })
      .getByRole("img", { name: "Your screenshot" });
    await expectVisible(image);
    const [picture, line] = [await image.boundingBox(), await page.getByLabel("Line 1: text").boundingBox()];
    // Beside: side by side on a wide screen, overlapping in height.
    expect(picture!.x + picture!.width).toBeLessThanOrEqual(line!.x);
    expect(picture!.y).toBeLessThan(line!.y + line!.height);
    await screenshot(page, "analysis-ocr-beside");
  });

  it("shows suggestions with why they work, and likes, pins and copies them", async () => {
    const page = await e2e.newPage();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await e2e.signIn(page);
    await page.goto(`/analysis/${seeded("analysis:complete")}`);
    const suggestion = page.getByRole("article", { name: "Ask an open question" });
    await expectVisible(suggestion.getByText("Curiosity"));
    await suggestion.getByText("Why this works").click();
    await expectVisible(suggestion.getByText(/An open question invites them/));
    await expect(suggestion.getByRole("button", { name: "Disliked" }).getAttribute("aria-pressed")).resolves.toBe(
      "true",
    );

    await suggestion.getByRole("button", { name: "Like", exact: true }).click();
    await expectVisible(suggestion.getByRole("button", { name: "Liked" }));
    await expectVisible(suggestion.getByRole("button", { name: "Dislike", exact: true }));
    await suggestion.getByRole("button", { name: "Pin", exact: true }).click();
    await expectVisible(suggestion.getByRole("button", { name: "Unpin" }));
    await suggestion.getByRole("button", { name: "Copy", exact: true }).click();
    await expectVisible(suggestion.getByRole("button", { name: "Copied" }));
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      "Understood. What flexibility is there on remote days?",
    );
    await screenshot(page, "analysis-suggestions");

    const interactions = await e2e.stack.db.messageInteraction.findMany({
      where: { analysisMessageId: seeded("analysis-message:ai-2") },
    });
    expect(interactions.map((interaction) => interaction.type).sort()).toEqual([
      "COPIED_TO_CLIPBOARD",
      "LIKED",
      "PINNED",
    ]);
  });

  it("shows each message's sentiment, puts a message into a collection and filters the session by collection", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.goto(`/analysis/${seeded("analysis:complete")}`);
    const chat = page.getByRole("list", { name: "Conversation" });
    const theirs = chat.getByRole("listitem").filter({ hasText: "the salary is final" });
    const mine = chat.getByRole("listitem").filter({ hasText: "Can we talk about the start date" });
    // The sentiment is a word (read as "Sentiment: …"), not only a colour.
    await expectVisible(theirs.getByText("Neutral"));
    await expectVisible(mine.getByText("Positive"));
    await expect(mine.getByText("Positive").textContent()).resolves.toBe("Sentiment: Positive");
    await expectVisible(mine.getByText("favourites"));

    // The seed's "favourites": one line of the chat and one suggestion, fetched with the API's filter.
    await page.getByLabel("Show collection").selectOption("favourites");
    await expect.poll(() => chat.getByRole("listitem").count()).toBe(1);
    await expectVisible(mine);
    await expect.poll(() => page.getByRole("article").count()).toBe(1);
    await expectVisible(page.getByRole("article", { name: "Trade on other terms" }));

    await page.getByLabel("Show collection").selectOption("");
    await theirs.getByText("Add to a collection").click();
    await theirs.getByLabel("Collection name").fill("salary");
    await theirs.getByRole("button", { name: "Add", exact: true }).click();
    await expectVisible(theirs.getByRole("button", { name: "Remove from salary" }));
    await screenshot(page, "analysis-collections");
    await page.getByLabel("Show collection").selectOption("salary");
    await expect
      .poll(() => chat.getByRole("listitem").allTextContents())
      .toEqual([expect.stringContaining("the salary is final")]);
    const stored = await e2e.stack.db.analysisMessage.findUniqueOrThrow({
      where: { id: seeded("analysis-message:contact") },
    });
    expect(stored.collectionIds).toEqual(["salary"]);
  });

  it("starts a text session, adds the conversation, asks for analysis, and trashes and restores it", async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 } });
    await e2e.signIn(page);
    await page.goto("/analysis");
    await page.getByRole("button", { name: "New analysis" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New analysis" });
    await dialog.getByLabel("Name").fill("Landlord about the deposit");
    await dialog.getByRole("button", { name: "Start" }).click();
    await page.waitForURL(/\/analysis\/[0-9a-f-]{36}$/);
    await expectVisible(page.getByRole("heading", { level: 1, name: "Landlord about the deposit" }));

    const composer = page.getByRole("form", { name: "Add a message" });
    await composer.getByLabel("Message").fill("We will keep the deposit for the scratches.");
    await composer.getByRole("button", { name: "Add message" }).click();
    await expectVisible(
      page.getByRole("list", { name: "Conversation" }).getByText("We will keep the deposit for the scratches."),
    );
    await composer.getByRole("radio", { name: "I wrote" }).click();
    await composer.getByLabel("Message").fill("They were there when I moved in.");
    await composer.getByLabel("Message").press("Control+Enter");
    await expectVisible(page.getByRole("list", { name: "Conversation" }).getByText("They were there when I moved in."));
    await screenshot(page, "analysis-text-phone");

    // The offline provider answers with labelled templates; they arrive as suggestions like any model's.
    await page.getByRole("button", { name: "Get suggestions" }).click();
    await expectVisible(page.getByRole("article").first());
    await expectVisible(page.getByText("Suggestions ready"));
    const created = await e2e.stack.db.analysisMessage.count({
      where: { analysisSession: { name: "Landlord about the deposit" }, author: "AI" },
    });
    expect(created).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Move to trash" }).click();
    await page.waitForURL((url) => url.pathname === "/analysis");
    await expect.poll(() => page.getByRole("link", { name: "Landlord about the deposit" }).count()).toBe(0);
    await page.getByRole("radio", { name: "Trash" }).click();
    const trash = page.getByRole("list", { name: "Sessions in the trash" });
    await trash
      .getByRole("listitem")
      .filter({ hasText: "Landlord about the deposit" })
      .getByRole("button", { name: "Restore" })
      .click();
    await expectVisible(page.getByRole("status").filter({ hasText: "Restored." }));
    await page.getByRole("radio", { name: "Sessions" }).click();
    await expectVisible(page.getByRole("link", { name: "Landlord about the deposit" }));
  });

  it("previews a chosen screenshot and reports, in the API's words, when it cannot be read", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.goto("/analysis");
    await page.getByRole("button", { name: "New analysis" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New analysis" });
    await dialog.getByRole("radio", { name: "A screenshot" }).click();
    await dialog.getByLabel("Name").fill("Group chat");
    await dialog.getByRole("button", { name: "Start" }).click();
    await expectVisible(page.getByText("Choose a screenshot"));

    await page
      .getByLabel("Screenshot file")
      .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not an image") });
    await expectVisible(page.getByRole("alert").filter({ hasText: "Choose a PNG, JPEG or WebP image." }));

    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
      "base64",
    );
    await page.getByLabel("Screenshot file").setInputFiles({ name: "chat.png", mimeType: "image/png", buffer: png });
    await expectVisible(page.getByRole("img", { name: "Preview of the chosen screenshot" }));
    await expectVisible(page.getByText("Screenshot chosen"));
    // This test stack runs without Redis, so the API refuses the upload before storing anything.
    await page.getByRole("button", { name: "Upload and read the text" }).click();
    await expectVisible(page.getByRole("alert").filter({ hasText: /needs the job queue/ }));
  });

  it("says so when a session does not exist", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.goto("/analysis/00000000-0000-4000-8000-000000000000");
    await expectVisible(page.getByRole("alert").filter({ hasText: "No such analysis session." }));
  });

  it("explains a failed OCR and offers to read the stored screenshot again; without the job queue the API's 503 is shown", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page);
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    const session = await e2e.stack.db.analysisSession.create({
      data: { userId: user.id, type: "SCREENSHOT", status: "ERROR", name: "Blurry chat" },
    });
    // As the upload route and the worker leave it: the image stored at its route, the failed run audited.
    await e2e.stack.db.analysisSession.update({
      where: { id: session.id },
      data: { screenshotUrl: `/analysis-sessions/${session.id}/screenshot` },
    });
    await e2e.stack.db.auditLog.create({
      data: {
        userId: user.id,
        actionType: "analyze",
        actionCategory: "agent",
        entityType: "analysis_session",
        entityId: session.id,
        status: "failed",
        errorMessage: "No text could be found in the image; try a sharper screenshot.",
      },
    });
    await page.goto(`/analysis/${session.id}`);
    const card = page.getByRole("region", { name: "The text could not be read" });
    await expectVisible(card.getByText("No text could be found in the image; try a sharper screenshot."));
    await expectVisible(page.getByRole("button", { name: "Start over" }));
    const request = page.waitForRequest(
      (sent) =>
        sent.method() === "POST" && new URL(sent.url()).pathname === `/api/analysis-sessions/${session.id}/ocr/retry`,
    );
    await card.getByRole("button", { name: "Read it again" }).click();
    await request;
    await expectVisible(
      card
        .getByRole("alert")
        .filter({ hasText: /^The screenshot can't be read again right now\. Retrying needs the job queue/ }),
    );
    await screenshot(page, "analysis-ocr-retry");
    await expect(
      e2e.stack.db.analysisSession.findUniqueOrThrow({ where: { id: session.id } }).then((row) => row.status),
    ).resolves.toBe("ERROR");
  });
});

import { describe, expect, it } from "vitest";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import { startStandIn } from "@cto/ai/testing";

import { expectVisible, screenshot, useE2e } from "./harness.ts";

describe("search", () => {
  const e2e = useE2e();

  it("finds memory and knowledge, filters by kind and scope, and keeps the search in the URL", async () => {
    const page = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
    await e2e.signIn(page);
    await page.goto("/search");
    await expectVisible(page.getByText("What are you looking for?"));
    await page.getByLabel("Search for").fill("focus before 11:00 and meetings after lunch");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=focus/);
    const memory = page.getByRole("region", { name: "From your memory" });
    const knowledge = page.getByRole("region", { name: "From the knowledge base" });
    await expectVisible(memory.getByRole("listitem").first());
    await expectVisible(knowledge.getByRole("listitem").first());
    await screenshot(page, "search");

    await page.getByText("Filters").click();
    await page.getByLabel("Insights").check();
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/kinds=insight/);
    await expect
      .poll(async () =>
        (await memory.getByRole("listitem").allTextContents()).every((text) => text.startsWith("Insight")),
      )
      .toBe(true);
    await expectVisible(memory.getByText(/You report the most focus before 11:00/));

    await page.getByRole("radio", { name: "Knowledge base" }).click();
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/scope=knowledge/);
    await expect.poll(() => memory.count()).toBe(0);
    await expectVisible(knowledge.getByRole("listitem").first());

    // A reload (or a shared link) shows the same search.
    await page.reload();
    await expect(page.getByLabel("Search for").inputValue()).resolves.toBe(
      "focus before 11:00 and meetings after lunch",
    );
    await expectVisible(knowledge.getByRole("listitem").first());
  });

  it("opens what it found: a task's page, a goal to edit, a message in its conversation", async () => {
    const page = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
    await e2e.signIn(page);
    const memory = page.getByRole("region", { name: "From your memory" });

    await page.goto(`/search?q=${encodeURIComponent("Release checklist, high priority")}&scope=memory&kinds=task`);
    await memory
      .getByRole("link", { name: /^Open the task/ })
      .first()
      .click();
    await page.waitForURL(/\/assistant\/task\//);
    await expectVisible(page.getByRole("heading", { level: 1, name: "Release checklist" }));

    await page.goto(`/search?q=${encodeURIComponent("Delegate the release process")}&scope=memory&kinds=goal`);
    await memory
      .getByRole("link", { name: /^Open the goal/ })
      .first()
      .click();
    await page.waitForURL(/\/goals\?goal=/);
    await expect(page.getByRole("dialog", { name: "Edit goal" }).getByLabel("Goal").inputValue()).resolves.toBe(
      "Delegate the release process",
    );

    await page.goto(
      `/search?q=${encodeURIComponent("afraid it will break if I hand it over")}&scope=memory&kinds=message`,
    );
    await memory
      .getByRole("link", { name: /^Open the conversation/ })
      .first()
      .click();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}/);
    await expectVisible(
      page.getByText("I keep doing the release myself because I'm afraid it will break if I hand it over.").first(),
    );
  });

  it("tells a new user when nothing of theirs matches", async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 } });
    await e2e.signUpFresh(page);
    await page.goto("/search?q=delegation&scope=memory");
    await expectVisible(page.getByText("Nothing in your memory matches"));
    await screenshot(page, "search-empty-phone");
  });

  it("says at once that search is unavailable when the AI provider does not answer", async () => {
    // A provider that accepts the connection and never answers: the API stops waiting after AI_QUERY_TIMEOUT_MS.
    const silent = await startStandIn(() => {});
    e2e.stack.useAi(
      createAiProvider(
        parseAiConfig({ OPENAI_API_KEY: "e2e", OPENAI_BASE_URL: silent.baseUrl, AI_QUERY_TIMEOUT_MS: "2000" }),
      ),
    );
    try {
      const page = await e2e.newPage();
      await e2e.signIn(page);
      await page.goto("/search");
      await page.getByLabel("Search for").fill("handing over the release");
      const startedAt = Date.now();
      await page.getByRole("button", { name: "Search" }).click();
      const alert = page.getByRole("alert").filter({ hasText: "The search did not work" });
      await expectVisible(
        alert.getByText(
          "Search is unavailable right now: the AI provider did not answer in time. Try again in a moment.",
        ),
      );
      // One bounded wait (2 s here), no retries behind a skeleton; generous for a loaded machine.
      expect(Date.now() - startedAt).toBeLessThan(10_000);
      await screenshot(page, "search-provider-down");
    } finally {
      e2e.stack.useAi(null);
      await silent.close();
    }
  });
});

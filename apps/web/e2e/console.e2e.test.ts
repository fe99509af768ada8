import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { DEMO, useE2e } from "./harness.ts";

/**
 * Everything the browser reports as an error while pages load: console errors (a failed request
 * shows up there as "Failed to load resource"), uncaught exceptions, and API answers of 4xx or 5xx.
 * "Nothing yet" and "nobody signed in" are answers, not errors.
 */
const watch = (page: Page) => {
  const problems: string[] = [];
  page.on("console", (message) => message.type() === "error" && problems.push(`console: ${message.text()}`));
  page.on("pageerror", (error) => problems.push(`exception: ${error.message}`));
  page.on(
    "response",
    (response) =>
      response.status() >= 400 &&
      problems.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`),
  );
  return problems;
};

const visit = async (page: Page, problems: string[], paths: string[]) => {
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    problems.length = 0;
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    if (problems.length) found[path] = [...problems];
  }
  return found;
};

const SIGNED_IN = [
  "/",
  "/welcome",
  "/chat",
  "/check-ins",
  "/goals",
  "/goals?tab=commitments",
  "/analysis",
  "/assistant",
  "/community",
  "/community?tab=posts",
  "/community?tab=stories",
  "/search?q=focus",
  "/reports",
  "/settings",
];

describe("normal pages log no errors", () => {
  const e2e = useE2e();

  it("signed out: the session check is an answer, not a failed request", async () => {
    const page = await e2e.newPage();
    const problems = watch(page);
    expect(await visit(page, problems, ["/sign-in", "/sign-up", "/forgot-password", "/"])).toEqual({});
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  });

  it("a new user with nothing yet (no context profile, no Telegram, no reports)", async () => {
    const page = await e2e.newPage();
    const problems = watch(page);
    await e2e.signUpFresh(page, "Nova");
    expect(await visit(page, problems, SIGNED_IN)).toEqual({});
  });

  it("the demo user, admin pages included", async () => {
    const page = await e2e.newPage();
    const problems = watch(page);
    await e2e.signIn(page, DEMO);
    // Detail pages too: every analysis session of the demo (a screenshot being checked among them) and an entity.
    const demo = await e2e.stack.db.user.findUniqueOrThrow({ where: { email: DEMO.email } });
    const [sessions, person, conversation] = await Promise.all([
      e2e.stack.db.analysisSession.findMany({ where: { userId: demo.id, deletedAt: null } }),
      e2e.stack.db.person.findFirstOrThrow({ where: { userId: demo.id } }),
      e2e.stack.db.conversation.findFirstOrThrow({ where: { userId: demo.id } }),
    ]);
    const details = [
      ...sessions.map((session) => `/analysis/${session.id}`),
      `/assistant/person/${person.id}`,
      `/chat/${conversation.id}`,
    ];
    expect(await visit(page, problems, [...SIGNED_IN, "/admin", ...details])).toEqual({});
  });
});

import { describe, expect, it } from "vitest";

import { expectVisible, screenshot, useE2e } from "./harness.ts";

describe("dashboard", () => {
  const e2e = useE2e();

  it("shows the demo user's goals, due commitments, trends, report and notifications", async () => {
    const page = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
    await e2e.signIn(page);
    await page.goto("/");
    await page.getByTestId("dashboard-ready").waitFor();
    await expectVisible(page.getByRole("heading", { level: 1, name: /Good (morning|afternoon|evening|night), Demo/ }));
    const goals = page.getByRole("region", { name: "Goals in progress" });
    await expectVisible(goals.getByRole("progressbar", { name: "Delegate the release process progress" }));
    await expectVisible(page.getByRole("img", { name: /Mood per day/ }));
    await expectVisible(page.getByRole("img", { name: /Energy per day/ }));
    await expectVisible(page.getByRole("region", { name: "Consistency" }).getByText("Last 7 days"));
    await expectVisible(
      page
        .getByRole("region", { name: "Latest report" })
        .getByText(/Over these 7 days you kept 2 of the 3 commitments due/),
    );
    await screenshot(page, "dashboard");
  });

  it("shows the report's days as its title names them, and every chart label whole", async () => {
    const page = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
    await e2e.signIn(page);
    await page.goto("/");
    await page.getByTestId("dashboard-ready").waitFor();
    const card = page.getByRole("region", { name: "Latest report" });
    const title = (await card.getByRole("heading", { level: 3 }).textContent())!;
    // "Your 7-day report, 28 Nov–4 Dec": the badge must run from the same first day to the same last day.
    const [, first, last] = /, (\d{1,2} \w+)–(\d{1,2} \w+)$/.exec(title)!;
    const range = (await card.getByText(/ – /).textContent())!;
    const [from, to] = range.split(" – ");
    expect(from).toMatch(new RegExp(`^${first} \\d{4}$`));
    expect(to).toMatch(new RegExp(`^${last} \\d{4}$`));
    // The last day label of each chart fits inside its chart (it used to be cut off at the right edge).
    for (const name of [/Mood per day/, /Energy per day/]) {
      const chart = page.getByRole("img", { name });
      const clipped = await chart.evaluate((svg) => {
        const box = (svg as SVGSVGElement).viewBox.baseVal;
        return [...svg.querySelectorAll("text")]
          .filter((text) => {
            const bounds = text.getBBox();
            return bounds.x < box.x - 0.5 || bounds.x + bounds.width > box.x + box.width + 0.5;
          })
          .map((text) => text.textContent);
      });
      expect(clipped).toEqual([]);
    }
  });

  it("marks a notification as seen and as done", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.goto("/");
    const card = page.getByRole("region", { name: "Notifications" });
    const unseen = card
      .getByRole("listitem")
      .filter({ has: page.getByRole("button", { name: "Mark seen" }) })
      .first();
    const content = (await unseen.getAttribute("aria-label"))!;
    await unseen.getByRole("button", { name: "Mark seen" }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: "Marked as seen." }));
    const item = card.getByRole("listitem", { name: content });
    await expect(item.getByRole("button", { name: "Mark seen" }).count()).resolves.toBe(0);
    await item.getByRole("button", { name: "Done" }).click();
    // "Done" is the button's text too: the badge is there once the button is gone.
    await expect.poll(() => item.getByRole("button", { name: "Done" }).count()).toBe(0);
    await expectVisible(item.getByText("Done", { exact: true }));
    const stored = await e2e.stack.db.proactiveMessage.findFirstOrThrow({ where: { content } });
    expect(stored.seenAt).not.toBeNull();
    expect(stored.actedAt).not.toBeNull();
  });

  it("shows a Telegram message that had no chat to go to as such, not as a red failure", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page, "Kim");
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    await e2e.stack.db.proactiveMessage.createMany({
      data: [
        {
          userId: user.id,
          content: "Time to check in.",
          channel: "TELEGRAM",
          status: "FAILED",
          failedAt: new Date(),
          attempts: 1,
          lastError: "Telegram answered 403: bot was blocked by the user",
        },
        {
          userId: user.id,
          content: "Your reminder for Friday.",
          channel: "TELEGRAM",
          status: "PENDING",
          scheduledFor: new Date(Date.now() - 60_000),
        },
      ],
    });
    await page.goto("/");
    const card = page.getByRole("region", { name: "Notifications" });
    for (const content of ["Time to check in.", "Your reminder for Friday."])
      await expectVisible(card.getByRole("listitem", { name: content }).getByText("Telegram not linked"));
    await expect(card.getByText("Not delivered").count()).resolves.toBe(0);
    await expect(card.getByText("Scheduled").count()).resolves.toBe(0);
  });

  it("shows empty states to a new user", async () => {
    const page = await e2e.newPage();
    await e2e.signUpFresh(page, "Noor");
    await page.goto("/");
    await page.getByTestId("dashboard-ready").waitFor();
    for (const title of [
      "Nothing due today",
      "No active goals",
      "No feelings logged yet",
      "No energy check-ins yet",
      "No report yet",
      "No notifications",
    ])
      await expectVisible(page.getByText(title));
    await screenshot(page, "dashboard-empty");
  });

  it("shows a failed panel with the reason and recovers on retry", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.route("**/api/goals?**", (route) =>
      route.fulfill({
        status: 503,
        contentType: "application/json",
        body: JSON.stringify({
          error: {
            code: "service_unavailable",
            message: "The database is not reachable; try again shortly.",
            requestId: "e2e",
          },
        }),
      }),
    );
    await page.goto("/");
    const goals = page.getByRole("region", { name: "Goals in progress" });
    await expectVisible(goals.getByRole("alert").getByText("The database is not reachable; try again shortly."));
    await screenshot(page, "dashboard-error");
    await page.unroute("**/api/goals?**");
    await goals.getByRole("button", { name: "Try again" }).click();
    await expectVisible(goals.getByRole("progressbar").first());
  });
});

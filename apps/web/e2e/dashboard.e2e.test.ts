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
    await expectVisible(page.getByRole("region", { name: "Latest report" }).getByText(/Over 7 days you kept/));
    await screenshot(page, "dashboard");
  });

  it("marks a notification as seen and as done", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.goto("/");
    const card = page.getByRole("region", { name: "Notifications" });
    const unseen = card.getByRole("listitem").filter({ has: page.getByRole("button", { name: "Mark seen" }) }).first();
    const content = (await unseen.getAttribute("aria-label"))!;
    await unseen.getByRole("button", { name: "Mark seen" }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: "Marked as seen." }));
    const item = card.getByRole("listitem", { name: content });
    await expect(item.getByRole("button", { name: "Mark seen" }).count()).resolves.toBe(0);
    await item.getByRole("button", { name: "Done" }).click();
    await expectVisible(item.getByText("Done", { exact: true }));
    const stored = await e2e.stack.db.proactiveMessage.findFirstOrThrow({ where: { content } });
    expect(stored.seenAt).not.toBeNull();
    expect(stored.actedAt).not.toBeNull();
  });

  it("shows empty states to a new user", async () => {
    const page = await e2e.newPage();
    await e2e.signUpFresh(page, "Noor");
    await page.goto("/");
    await page.getByTestId("dashboard-ready").waitFor();
    for (const title of ["Nothing due today", "No active goals", "No feelings logged yet", "No energy check-ins yet", "No report yet", "No notifications"]) await expectVisible(page.getByText(title));
    await screenshot(page, "dashboard-empty");
  });

  it("shows a failed panel with the reason and recovers on retry", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.route("**/api/goals?**", (route) => route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "service_unavailable", message: "The database is not reachable; try again shortly.", requestId: "e2e" } }) }));
    await page.goto("/");
    const goals = page.getByRole("region", { name: "Goals in progress" });
    await expectVisible(goals.getByRole("alert").getByText("The database is not reachable; try again shortly."));
    await screenshot(page, "dashboard-error");
    await page.unroute("**/api/goals?**");
    await goals.getByRole("button", { name: "Try again" }).click();
    await expectVisible(goals.getByRole("progressbar").first());
  });
});

import { describe, expect, it } from "vitest";

import { expectVisible, screenshot, useE2e } from "./harness.ts";

describe("reports and insights", () => {
  const e2e = useE2e();

  it("shows the 7-day report with charts from its payload, and switches to 2 and 21 days", async () => {
    const page = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
    await e2e.signIn(page);
    await page.goto("/reports");
    await expectVisible(page.getByRole("heading", { name: "7-day report" }));
    await expectVisible(page.getByText(/Over 7 days you kept 4 commitments/));
    await expectVisible(page.getByRole("img", { name: "Energy level per day, 1 to 10" }));
    await expectVisible(page.getByRole("img", { name: "Emotion intensity per day, 1 to 10" }));
    await expectVisible(page.getByRole("img", { name: "Commitments kept, skipped and open" }));
    await expect(page.getByRole("progressbar", { name: "Delegate more progress" }).getAttribute("aria-valuenow")).resolves.toBe("50");
    await expectVisible(page.getByRole("region", { name: "Insights" }).getByText("Mornings are for deep work"));
    await screenshot(page, "reports");

    await page.getByRole("radio", { name: "21 days" }).click();
    await page.waitForURL(/type=twenty_one_day/);
    await expectVisible(page.getByRole("heading", { name: "21-day report" }));
    await expect(page.getByRole("progressbar", { name: "Delegate more progress" }).getAttribute("aria-valuenow")).resolves.toBe("60");
    // Arrow keys move between the lengths, as in any radio group.
    await page.getByRole("radio", { name: "21 days" }).press("ArrowLeft");
    await expectVisible(page.getByRole("heading", { name: "7-day report" }));
  });

  it("shows empty states to a new user, on a phone", async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 } });
    await e2e.signUpFresh(page);
    await page.goto("/reports?type=two_day");
    await expectVisible(page.getByText("No report for this period yet"));
    await expectVisible(page.getByText("No insights yet"));
    await screenshot(page, "reports-empty-phone");
  });
});

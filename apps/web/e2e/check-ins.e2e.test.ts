import { describe, expect, it } from "vitest";

import { expectVisible, screenshot, useE2e } from "./harness.ts";

describe("check-ins", () => {
  const e2e = useE2e();

  it("logs a feeling and an energy level, and lists them", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 1000 } });
    const { email } = await e2e.signUpFresh(page, "Kim");
    await page.goto("/check-ins");
    await page.getByLabel("Feeling").fill("overwhelmed");
    await page.getByRole("radio", { name: "Hard" }).click();
    await page.getByLabel(/Intensity/).fill("8");
    await page.getByLabel("Note").first().fill("Three launches in one week.");
    await page.getByRole("button", { name: "Log feeling" }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: "Logged: overwhelmed." }));
    // Shown with the word it was picked with.
    await expectVisible(page.getByRole("list", { name: "Recent feelings" }).getByText("Hard · 8/10"));
    await expect(
      page
        .getByRole("list", { name: "Recent feelings" })
        .getByText(/Negative/)
        .count(),
    ).resolves.toBe(0);

    await page.getByLabel("Energy 3 of 10").check({ force: true });
    await page.getByLabel("Note").nth(1).fill("Slept five hours.");
    await page.getByRole("button", { name: "Log energy" }).click();
    await expectVisible(page.getByRole("list", { name: "Recent energy" }).getByText("Energy 3/10"));
    await screenshot(page, "check-ins");

    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    const [emotion, energy] = await Promise.all([
      e2e.stack.db.emotion.findFirstOrThrow({ where: { userId: user.id } }),
      e2e.stack.db.energyMetric.findFirstOrThrow({ where: { userId: user.id } }),
    ]);
    expect([emotion.label, emotion.valence, emotion.intensity, emotion.note]).toEqual([
      "overwhelmed",
      "NEGATIVE",
      8,
      "Three launches in one week.",
    ]);
    expect([energy.level, energy.note]).toEqual([3, "Slept five hours."]);
  });

  it("a check-in shows on the dashboard's charts at once, without a reload", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 1000 } });
    await e2e.signUpFresh(page);
    await page.goto("/");
    for (const title of ["No feelings logged yet", "No energy check-ins yet"])
      await expectVisible(page.getByText(title));
    // In-app navigation keeps the dashboard's answers cached: the check-ins must mark them stale.
    await page.getByRole("link", { name: "Check in", exact: true }).click();
    await page.getByLabel("Energy 7 of 10").check({ force: true });
    await page.getByRole("button", { name: "Log energy" }).click();
    await expectVisible(page.getByRole("list", { name: "Recent energy" }).getByText("Energy 7/10"));
    await page.getByLabel("Feeling").fill("calm");
    await page.getByRole("button", { name: "Log feeling" }).click();
    await expectVisible(page.getByRole("list", { name: "Recent feelings" }).getByText(/calm/i));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await expectVisible(page.getByRole("img", { name: /Energy per day/ }));
    await expectVisible(page.getByRole("img", { name: /Mood per day/ }));
  });

  it("asks for what is missing, and shows the API's field errors", async () => {
    const page = await e2e.newPage();
    await e2e.signUpFresh(page);
    await page.goto("/check-ins");
    await page.getByRole("button", { name: "Log feeling" }).click();
    await expectVisible(page.getByText("Name the feeling, in a word or two."));
    await page.getByRole("button", { name: "Log energy" }).click();
    await expectVisible(page.getByText("Pick a level from 1 to 10."));

    await page.route("**/api/emotions", (route) =>
      route.fulfill({
        status: 400,
        contentType: "application/json",
        body: JSON.stringify({
          error: {
            code: "validation_failed",
            message: "The request is not valid.",
            requestId: "e2e",
            details: [{ path: "label", message: "Too long" }],
          },
        }),
      }),
    );
    await page.getByLabel("Feeling").fill("calm");
    await page.getByRole("button", { name: "Log feeling" }).click();
    await expectVisible(page.getByText("Too long."));
    await expect(page.getByLabel("Feeling").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.getByLabel("Feeling").inputValue()).resolves.toBe("calm");
  });
});

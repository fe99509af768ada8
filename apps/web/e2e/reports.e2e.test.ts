import { describe, expect, it } from "vitest";

import { expectVisible, screenshot, useE2e } from "./harness.ts";

describe("reports and insights", () => {
  const e2e = useE2e();

  it("shows the 7-day report with charts from its payload, and switches to 2 and 21 days", async () => {
    const page = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
    await e2e.signIn(page);
    await page.goto("/reports");
    await expectVisible(page.getByRole("heading", { name: /^Your 7-day report, / }));
    await expectVisible(page.getByText(/Over these 7 days you kept 2 of the 3 commitments due/));
    await expectVisible(page.getByRole("img", { name: "Energy level per day, 1 to 10" }));
    await expectVisible(page.getByRole("img", { name: "Emotion intensity per day, 1 to 10" }));
    await expectVisible(page.getByRole("img", { name: "Commitments kept, skipped and open" }));
    // The demo's numbers agree: the goal's own progress, the 7-day consistency score of the dashboard.
    await expect(
      page.getByRole("progressbar", { name: "Delegate the release process progress" }).getAttribute("aria-valuenow"),
    ).resolves.toBe("40");
    await expectVisible(page.getByText("67%"));
    await expectVisible(page.getByRole("region", { name: "Insights" }).getByText("Mornings are for deep work"));
    await screenshot(page, "reports");

    await page.getByRole("radio", { name: "21 days" }).click();
    await page.waitForURL(/type=twenty_one_day/);
    await expectVisible(page.getByRole("heading", { name: /^Your 21-day report, / }));
    await expect(
      page.getByRole("progressbar", { name: "Delegate the release process progress" }).getAttribute("aria-valuenow"),
    ).resolves.toBe("40");
    await expect(
      page.getByRole("progressbar", { name: "Run a team retro on feedback progress" }).getAttribute("aria-valuenow"),
    ).resolves.toBe("100");
    // Arrow keys move between the lengths, as in any radio group.
    await page.getByRole("radio", { name: "21 days" }).press("ArrowLeft");
    await expectVisible(page.getByRole("heading", { name: /^Your 7-day report, / }));
  });

  it("draws labels that neither collide nor get cut off, and counts in whole numbers, on a phone too", async () => {
    for (const viewport of [
      { width: 1366, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await e2e.newPage({ viewport });
      await e2e.signIn(page);
      await page.goto("/reports?type=twenty_one_day");
      const charts = page.getByRole("img", { name: /per day|Commitments kept/ });
      await charts.first().waitFor();
      for (const chart of await charts.all()) {
        const problems = await chart.evaluate((svg) => {
          const box = (svg as SVGSVGElement).viewBox.baseVal;
          const labels = [...svg.querySelectorAll("text")].map((text) => ({
            text: text.textContent ?? "",
            box: text.getBBox(),
          }));
          const clipped = labels
            .filter(({ box: b }) => b.x < box.x - 0.5 || b.x + b.width > box.x + box.width + 0.5)
            .map(({ text }) => `cut off: ${text}`);
          const collide = labels.flatMap((a, i) =>
            labels
              .slice(i + 1)
              .filter(
                (b) =>
                  a.box.x < b.box.x + b.box.width &&
                  b.box.x < a.box.x + a.box.width &&
                  a.box.y < b.box.y + b.box.height &&
                  b.box.y < a.box.y + a.box.height,
              )
              .map((b) => `${a.text} / ${b.text}`),
          );
          return [...clipped, ...collide];
        });
        expect(problems, (await chart.getAttribute("aria-labelledby")) ?? "chart").toEqual([]);
      }
      const ticks = await page
        .getByRole("img", { name: "Commitments kept, skipped and open" })
        .evaluate((svg) => [...svg.querySelectorAll("g text")].map((text) => text.textContent));
      expect(ticks.every((tick) => /^\d+$/.test(tick ?? ""))).toBe(true);
    }
  });

  it("opens one report from a link, whatever its length", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    const report = await e2e.stack.db.report.findFirstOrThrow({
      where: { user: { email: "demo@cto.dev" }, type: "TWO_DAY" },
    });
    await page.goto(`/reports?report=${report.id}`);
    await expectVisible(page.getByRole("heading", { name: /^Your 2-day report, / }));
    await expect(page.getByRole("radio", { name: "2 days" }).getAttribute("aria-checked")).resolves.toBe("true");
  });

  it("shows empty states to a new user, on a phone", async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 } });
    await e2e.signUpFresh(page);
    await page.goto("/reports?type=two_day");
    await expectVisible(page.getByText("No report for this period yet"));
    await expectVisible(page.getByText("No insights yet"));
    await screenshot(page, "reports-empty-phone");
  });

  it("asks for a report now; this stack has no worker queue, so the API's 503 is shown in plain words and nothing is spent", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page);
    await page.goto("/reports?type=two_day");
    const form = page.getByRole("form", { name: "Generate a report" });
    // Before anything is asked: the page says reports wait for the background worker, scheduled ones too.
    await expectVisible(
      form.getByText(/background worker, which is not running right now.*the scheduled ones wait for it/),
    );
    await expect(page.getByText(/not affected/).count()).resolves.toBe(0);
    await form.getByLabel("Report length to generate").selectOption({ label: "Last 21 days" });
    const request = page.waitForRequest(
      (sent) => sent.method() === "POST" && new URL(sent.url()).pathname === "/api/reports",
    );
    await form.getByRole("button", { name: "Generate report" }).click();
    expect((await request).postDataJSON()).toEqual({ type: "twenty_one_day" });
    await expectVisible(
      form
        .getByRole("alert")
        .filter({ hasText: /^Reports can't be generated right now\. Reports are written by the background worker/ }),
    );
    await screenshot(page, "reports-generate-unavailable");
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    expect(user.dailyGenerationCount).toBe(0);
  });

  it("shows the report being prepared and the list refreshing when the worker writes it (the 202 and the worker are simulated)", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page);
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    const periodEnd = Math.floor(Date.now() / 60_000) * 60_000;
    // The e2e stack runs without Redis, so the API's 202 is stood in for; the GETs that poll are real.
    await page.route("**/api/reports", (route) =>
      route.request().method() === "POST"
        ? route.fulfill({ status: 202, json: { jobId: "report-job", type: "two_day", periodEnd, status: "queued" } })
        : route.fallback(),
    );
    await page.goto("/reports");
    const form = page.getByRole("form", { name: "Generate a report" });
    await form.getByLabel("Report length to generate").selectOption({ label: "Last 2 days" });
    await form.getByRole("button", { name: "Generate report" }).click();
    await expectVisible(form.getByRole("status").filter({ hasText: "Preparing your 2-day report…" }));
    await screenshot(page, "reports-generate-pending");

    // What the worker writes: the version 1 payload, charted like any other report.
    const daily = (values: (number | null)[]) =>
      values.map((value, index) => ({ date: `2026-12-0${index + 1}`, count: value === null ? 0 : 1, average: value }));
    await e2e.stack.db.report.create({
      data: {
        userId: user.id,
        type: "TWO_DAY",
        periodStart: new Date(periodEnd - 2 * 86_400_000),
        periodEnd: new Date(periodEnd),
        title: "Your last two days",
        summary: "Two steady days.",
        payload: {
          version: 1,
          period: { start: periodEnd - 2 * 86_400_000, end: periodEnd, days: 2, timezone: "UTC" },
          emotions: {
            points: [],
            daily: [
              { date: "2026-12-01", count: 1, valence: 1, intensity: 7 },
              { date: "2026-12-02", count: 0, valence: null, intensity: null },
            ],
            topLabels: [],
          },
          energy: { points: [], daily: daily([6, 8]), average: 7, slopePerDay: 2, trend: "rising" },
          commitments: { due: 2, completed: 1, skipped: 0, open: 1, completionRate: 0.5, daily: [] },
          consistency: { score: 50, windowDays: 2, notes: null },
          insights: [],
          goals: [],
        },
      },
    });
    await page.waitForURL(/type=two_day/);
    await expectVisible(page.getByRole("heading", { name: "Your last two days" }));
    await expectVisible(page.getByRole("status").filter({ hasText: "Your 2-day report is ready." }));
    await expectVisible(page.getByRole("img", { name: "Energy level per day, 1 to 10" }));
    await expect(form.getByRole("status").count()).resolves.toBe(0);
  });

  it("loads more insights than one page", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page);
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    const start = Date.now() - 3_600_000;
    await e2e.stack.db.insight.createMany({
      data: Array.from({ length: 22 }, (_, index) => ({
        userId: user.id,
        title: `Insight ${index + 1}`,
        content: "Noticed.",
        createdAt: new Date(start + index * 1000),
      })),
    });
    await page.goto("/reports");
    const insights = page.getByRole("region", { name: "Insights" });
    await expectVisible(insights.getByText("Insight 22", { exact: true }));
    await expect(insights.getByRole("listitem").count()).resolves.toBe(20);
    await insights.getByRole("button", { name: "Load more insights" }).click();
    await expectVisible(insights.getByText("Insight 1", { exact: true }));
    await expect(insights.getByRole("listitem").count()).resolves.toBe(22);
  });

  it("forgets an insight on the Memory page: it leaves the page and the database, embeddings included", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page);
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    const insight = await e2e.stack.db.insight.create({
      data: {
        userId: user.id,
        title: "About you",
        content: "You manage a team of eight engineers.",
        source: "message",
        confidence: 0.7,
        evidence: [
          { kind: "message", id: crypto.randomUUID(), excerpt: "I manage a team of eight engineers.", at: Date.now() },
        ],
      },
    });
    await page.goto("/memory");
    const item = page.getByRole("listitem", { name: "About you" });
    await expectVisible(item.getByText("From your messages"));
    await expectVisible(item.getByText("“I manage a team of eight engineers.”", { exact: false }));
    await screenshot(page, "memory");
    await item.getByRole("button", { name: "Forget" }).click();
    await expectVisible(page.getByText("No insights yet"));
    await expect(e2e.stack.db.insight.count({ where: { id: insight.id } })).resolves.toBe(0);
    await expect(e2e.stack.db.embedding.count({ where: { ownerId: insight.id } })).resolves.toBe(0);
  });

  it("lists the scheduled reports and pauses the weekly one: the worker's row is paused and stays so on reload", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page);
    await page.goto("/reports");
    const scheduled = page.getByTestId("scheduled-reports");
    await expectVisible(scheduled.getByRole("heading", { name: "Scheduled reports" }));
    const weekly = scheduled.getByTestId("schedule-row").filter({ hasText: "Weekly report" });
    await expectVisible(weekly.getByText("Every Monday at 08:00"));
    await expect(scheduled.getByTestId("schedule-row").count()).resolves.toBe(3);
    await weekly.getByRole("button", { name: "Pause weekly report" }).click();
    await expectVisible(weekly.getByRole("button", { name: "Resume weekly report" }));
    await expectVisible(weekly.getByText("Paused", { exact: true }).first());
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    const row = await e2e.stack.db.reminderSchedule.findFirstOrThrow({
      where: { userId: user.id, kind: "REPORT", cadence: { not: null } },
    });
    expect(row).toMatchObject({ status: "PAUSED", nextRunAt: null });
    await page.reload();
    await expectVisible(
      page
        .getByTestId("schedule-row")
        .filter({ hasText: "Weekly report" })
        .getByRole("button", { name: "Resume weekly report" }),
    );
    await screenshot(page, "reports-scheduled-paused");
  });

  it("loads older report periods than the first 20", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page);
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    const day = 86_400_000;
    const end = Math.floor(Date.now() / day) * day;
    await e2e.stack.db.report.createMany({
      data: Array.from({ length: 23 }, (_, index) => ({
        userId: user.id,
        type: "TWO_DAY" as const,
        periodStart: new Date(end - (index + 2) * day),
        periodEnd: new Date(end - index * day),
        title: `Two days, ${index + 1} back`,
        payload: {},
      })),
    });
    await page.goto("/reports?type=two_day");
    await expectVisible(page.getByRole("heading", { name: "Two days, 1 back" }));
    const period = page.getByLabel("Period");
    await expect(period.locator("option").count()).resolves.toBe(20);
    await page.getByRole("button", { name: "Load older periods" }).click();
    await expect.poll(() => period.locator("option").count()).toBe(23);
    await period.selectOption({ index: 22 });
    await expectVisible(page.getByRole("heading", { name: "Two days, 23 back" }));
    await expect(page.getByRole("button", { name: "Load older periods" }).count()).resolves.toBe(0);
  });
});

import { describe, expect, it } from "vitest";

import { expectVisible, screenshot, useE2e } from "./harness.ts";

describe("goals and commitments", () => {
  const e2e = useE2e();

  it("filters goals by period and status, creates, edits and completes one", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 900 } });
    await e2e.signIn(page);
    await page.goto("/goals");
    const goals = page.getByRole("list", { name: "Goals" });
    await expectVisible(goals.getByRole("listitem", { name: "Delegate the release process" }));
    await page.getByRole("radiogroup", { name: "Period" }).getByRole("radio", { name: "Daily" }).click();
    await expectVisible(goals.getByRole("listitem", { name: "Two deep-work blocks a day" }));
    await expect(goals.getByRole("listitem", { name: "Delegate the release process" }).count()).resolves.toBe(0);
    await page.getByRole("radiogroup", { name: "Period" }).getByRole("radio", { name: "All" }).click();

    await page.getByRole("button", { name: "New goal" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New goal" });
    await dialog.getByRole("button", { name: "Create goal" }).click();
    await expectVisible(dialog.getByText("Give the goal a name."));
    await dialog.getByLabel("Goal").fill("Run a 10k");
    await dialog.getByLabel("Period").selectOption("monthly");
    await dialog.getByLabel(/Progress/).fill("20");
    await screenshot(page, "goals-new");
    await dialog.getByRole("button", { name: "Create goal" }).click();
    const created = goals.getByRole("listitem", { name: "Run a 10k" });
    await expectVisible(created);

    await created.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: "Edit goal" });
    await edit.getByLabel(/Progress/).fill("60");
    await edit.getByRole("button", { name: "Save goal" }).click();
    await expectVisible(created.getByText("60%"));
    await screenshot(page, "goals");

    await created.getByRole("button", { name: "Complete" }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: "Goal completed." }));
    await page.getByRole("radiogroup", { name: "Status" }).getByRole("radio", { name: "Completed" }).click();
    await expectVisible(goals.getByRole("listitem", { name: "Run a 10k" }));
    const stored = await e2e.stack.db.goal.findFirstOrThrow({ where: { title: "Run a 10k" } });
    expect([stored.period, stored.status]).toEqual(["MONTHLY", "COMPLETED"]);
  });

  it("makes commitments with a due date and a reminder, then completes and skips them", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 900 } });
    await e2e.signIn(page);
    await page.goto("/goals");
    await page.getByRole("tab", { name: "Commitments" }).click();
    for (const title of ["Draft the handover doc", "Book the dry run with Priya"]) {
      await page.getByRole("button", { name: "New commitment" }).first().click();
      const dialog = page.getByRole("dialog", { name: "New commitment" });
      await dialog.getByLabel("Commitment").fill(title);
      await dialog.getByLabel("For goal").selectOption({ label: "Delegate the release process" });
      await dialog.getByLabel("Due").fill("2030-05-14T17:00");
      await dialog.getByLabel("Remind me at").fill("2030-05-14T09:30");
      await dialog.getByRole("button", { name: "Make commitment" }).click();
      await expectVisible(page.getByRole("status").filter({ hasText: "Commitment made" }));
    }
    // Both are open (one with a reminder is still open): the Open filter shows them without a reload.
    const list = page.getByRole("list", { name: "Commitments" });
    await expect(
      page
        .getByRole("radiogroup", { name: "Status" })
        .getByRole("radio", { name: "Open" })
        .getAttribute("aria-checked"),
    ).resolves.toBe("true");
    for (const title of ["Draft the handover doc", "Book the dry run with Priya"])
      await expectVisible(list.getByRole("listitem", { name: title }));
    await page.getByRole("radiogroup", { name: "Status" }).getByRole("radio", { name: "All" }).click();
    await list
      .getByRole("listitem", { name: "Draft the handover doc" })
      .getByRole("button", { name: "Complete" })
      .click();
    await expectVisible(page.getByRole("status").filter({ hasText: "Done. Nice work!" }));
    await list
      .getByRole("listitem", { name: "Book the dry run with Priya" })
      .getByRole("button", { name: "Skip" })
      .click();
    await expectVisible(list.getByRole("listitem", { name: "Book the dry run with Priya" }).getByText("Skipped"));
    await screenshot(page, "commitments");

    const rows = await e2e.stack.db.commitment.findMany({
      where: { title: { in: ["Draft the handover doc", "Book the dry run with Priya"] } },
      orderBy: { title: "asc" },
    });
    expect(
      rows.map((row) => [
        row.title,
        row.status,
        row.goalId !== null,
        row.remindAt?.getTime() === new Date("2030-05-14T09:30").getTime(),
      ]),
    ).toEqual([
      ["Book the dry run with Priya", "SKIPPED", true, true],
      ["Draft the handover doc", "COMPLETED", true, true],
    ]);

    // The reminder must come before the due time: caught before anything is sent.
    await page.getByRole("button", { name: "New commitment" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New commitment" });
    await dialog.getByLabel("Commitment").fill("Late reminder");
    await dialog.getByLabel("Due").fill("2030-05-14T09:00");
    await dialog.getByLabel("Remind me at").fill("2030-05-14T10:00");
    await dialog.getByRole("button", { name: "Make commitment" }).click();
    await expectVisible(dialog.getByText("The reminder should come before it is due."));
  });

  it("refuses a reminder time that has passed, in the form and from the API, and says when reminders cannot go out", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 900 } });
    await e2e.signUpFresh(page);
    await page.goto("/goals?tab=commitments");
    await page.getByRole("button", { name: "New commitment" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New commitment" });
    // This stack runs without Redis or a worker: the form says what happens to a reminder instead of promising it.
    await expectVisible(dialog.getByText(/background worker, which is not running right now/));
    await dialog.getByLabel("Commitment").fill("Call the bank");
    const past = new Date(Date.now() - 2 * 3_600_000);
    const local = (at: Date) => new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await dialog.getByLabel("Remind me at").fill(local(past));
    await dialog.getByRole("button", { name: "Make commitment" }).click();
    await expectVisible(dialog.getByText("That time has already passed. Pick a time in the future."));
    expect(await e2e.stack.db.commitment.count({ where: { title: "Call the bank" } })).toBe(0);

    // The API's own refusal (its clock is the judge) lands on the same field.
    await page.route("**/api/commitments", (route) =>
      route.request().method() === "POST"
        ? route.fulfill({
            status: 400,
            contentType: "application/json",
            body: JSON.stringify({
              error: {
                code: "validation_failed",
                message: "The reminder time has already passed.",
                requestId: "e2e",
                details: [{ path: "remindAt", message: "must be in the future" }],
              },
            }),
          })
        : route.fallback(),
    );
    await dialog.getByLabel("Remind me at").fill(local(new Date(Date.now() + 3_600_000)));
    await dialog.getByRole("button", { name: "Make commitment" }).click();
    await expectVisible(dialog.getByText("must be in the future"));
    await page.unroute("**/api/commitments");

    await dialog.getByRole("button", { name: "Make commitment" }).click();
    await expectVisible(
      page
        .getByRole("status")
        .filter({ hasText: "Commitment made. Its reminder waits until Cto's background worker runs again." }),
    );
    await expectVisible(
      page.getByRole("list", { name: "Commitments" }).getByRole("listitem", { name: "Call the bank" }),
    );

    // With a worker running, the promise is made.
    await page.route("**/api/ready", (route) =>
      route.fulfill({
        status: 200,
        contentType: "application/json",
        body: JSON.stringify({ status: "ready", database: "ok", queues: "ok", workers: 1 }),
      }),
    );
    await page.reload();
    await page.getByRole("button", { name: "New commitment" }).first().click();
    const next = page.getByRole("dialog", { name: "New commitment" });
    await expectVisible(next.getByText("Sent in the app, and on Telegram if linked."));
    await next.getByLabel("Commitment").fill("Book the dentist");
    await next.getByLabel("Remind me at").fill(local(new Date(Date.now() + 3_600_000)));
    await next.getByRole("button", { name: "Make commitment" }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: "Commitment made; you will be reminded." }));
  });

  it("loads more goals and commitments than one page", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page);
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    const due = (index: number) => new Date(Date.now() + (index + 1) * 86_400_000);
    const name = (index: number) => String(index + 1).padStart(2, "0");
    await e2e.stack.db.goal.createMany({
      data: Array.from({ length: 52 }, (_, index) => ({
        userId: user.id,
        title: `Goal ${name(index)}`,
        period: "WEEKLY",
        deadline: due(index),
      })),
    });
    await e2e.stack.db.commitment.createMany({
      data: Array.from({ length: 51 }, (_, index) => ({
        userId: user.id,
        title: `Commitment ${name(index)}`,
        dueAt: due(index),
      })),
    });
    await page.goto("/goals");
    const goals = page.getByRole("list", { name: "Goals" });
    await expectVisible(goals.getByRole("listitem", { name: "Goal 50" }));
    await expect(goals.getByRole("listitem").count()).resolves.toBe(50);
    await page.getByRole("button", { name: "Load more goals" }).click();
    await expectVisible(goals.getByRole("listitem", { name: "Goal 52" }));
    await expect(page.getByRole("button", { name: "Load more goals" }).count()).resolves.toBe(0);

    await page.getByRole("tab", { name: "Commitments" }).click();
    const commitments = page.getByRole("list", { name: "Commitments" });
    await expectVisible(commitments.getByRole("listitem", { name: "Commitment 50" }));
    await expect(commitments.getByRole("listitem").count()).resolves.toBe(50);
    await page.getByRole("button", { name: "Load more commitments" }).click();
    await expectVisible(commitments.getByRole("listitem", { name: "Commitment 51" }));
  });
});

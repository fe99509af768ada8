import { describe, expect, it } from "vitest";

import { DEMO_USER, seedId } from "@cto/db/seed";

import { expectVisible, screenshot, useE2e } from "./harness.ts";

const seeded = (name: string) => seedId(`${DEMO_USER.id}:${name}`);

describe("assistant context", () => {
  const e2e = useE2e();

  it("adds a person, shows a person's links and links two people", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 900 } });
    await e2e.signIn(page);
    await page.goto("/assistant");
    const people = page.getByRole("list", { name: "People" });
    await expectVisible(people);
    await expect(people.getByRole("link").allTextContents()).resolves.toEqual([
      "Lena Berg",
      "Marco Bianchi",
      "Priya Shah",
    ]);
    await page.getByRole("button", { name: "Add person" }).click();
    const form = page.getByRole("form", { name: "Add a person" });
    await form.getByLabel("Name").fill("Jonas Weber");
    await form.getByLabel("Relationship to you").selectOption("colleague");
    await form.getByLabel("Company").fill("Acme Pay");
    await form.getByRole("button", { name: "Save" }).click();
    await expectVisible(people.getByRole("link", { name: "Jonas Weber" }));

    await people.getByRole("link", { name: "Priya Shah" }).click();
    await page.waitForURL(`**/assistant/person/${seeded("person:priya")}`);
    await expectVisible(page.getByText("priya@example.com"));
    const links = page.getByRole("list", { name: "Links" });
    await expectVisible(links.getByRole("link", { name: "Marco Bianchi" }));
    await expectVisible(links.getByRole("link", { name: "Release dry run with Priya" }));
    await expectVisible(links.getByRole("link", { name: "Release checklist" }));

    const add = page.getByRole("form", { name: "Add a link" });
    await add.getByLabel("Relationship").selectOption("works_with");
    await add.getByLabel("Kind").selectOption("person");
    await add.getByLabel("Linked to").selectOption({ label: "Jonas Weber" });
    await add.getByRole("button", { name: "Add link" }).click();
    await expectVisible(links.getByRole("link", { name: "Jonas Weber" }));
    await screenshot(page, "assistant-person");

    // The link shows from the other end too, and can be removed there.
    await links.getByRole("link", { name: "Jonas Weber" }).click();
    await expectVisible(page.getByRole("heading", { level: 1, name: "Jonas Weber" }));
    await expectVisible(page.getByRole("list", { name: "Links" }).getByText("Works with (from)"));
    await page.getByRole("button", { name: "Remove the link to Priya Shah" }).click();
    await expectVisible(page.getByText("No links yet"));
    await expect(e2e.stack.db.entityRelationship.count({ where: { relationship: "works_with" } })).resolves.toBe(0);
  });

  it("shows tasks with subtasks, adds a subtask and completes one", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.goto("/assistant?tab=task");
    const subtasks = page.getByRole("list", { name: "Subtasks of “Release checklist”" });
    await expect(
      subtasks.getByRole("checkbox", { name: "Complete “List every manual step”" }).getAttribute("aria-checked"),
    ).resolves.toBe("true");
    await page.getByRole("button", { name: "Add a subtask to “Release checklist”" }).click();
    await page
      .getByRole("form", { name: "Add a subtask to “Release checklist”" })
      .getByLabel("Subtask")
      .fill("Rehearse the rollback");
    await page
      .getByRole("form", { name: "Add a subtask to “Release checklist”" })
      .getByRole("button", { name: "Add" })
      .click();
    await expectVisible(subtasks.getByRole("link", { name: "Rehearse the rollback" }));

    await subtasks.getByRole("checkbox", { name: "Complete “Write the rollback section”" }).click();
    await expect
      .poll(() =>
        subtasks.getByRole("checkbox", { name: "Complete “Write the rollback section”" }).getAttribute("aria-checked"),
      )
      .toBe("true");
    const stored = await e2e.stack.db.task.findUniqueOrThrow({ where: { id: seeded("task:checklist:rollback") } });
    expect(stored.status).toBe("COMPLETED");
    expect(stored.completedAt).not.toBeNull();
    await screenshot(page, "assistant-tasks");
  });

  it("refuses an event that ends before it starts, with the reason at the field, and completes a deadline", async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 } });
    await e2e.signIn(page);
    await page.goto("/assistant?tab=event");
    await page.getByRole("button", { name: "Add event" }).click();
    const form = page.getByRole("form", { name: "Add an event" });
    await form.getByLabel("Title").fill("Offsite planning");
    await form.getByLabel("Starts").fill("2027-03-10T10:00");
    await form.getByLabel("Ends").fill("2027-03-10T09:00");
    await form.getByRole("button", { name: "Save" }).click();
    await expectVisible(form.getByText("Must not be before the start."));
    await form.getByLabel("Ends").fill("2027-03-10T12:00");
    await form.getByRole("button", { name: "Save" }).click();
    await expectVisible(page.getByRole("list", { name: "Events" }).getByRole("link", { name: "Offsite planning" }));
    await screenshot(page, "assistant-events-phone");

    await page.getByRole("tab", { name: "Deadlines" }).click();
    await page.getByRole("button", { name: "Mark “Performance reviews due” done" }).click();
    await expectVisible(
      page
        .getByRole("list", { name: "Deadlines" })
        .getByRole("listitem")
        .filter({ hasText: "Performance reviews due" })
        .getByText("Done"),
    );
    // "Done" is also the button's own text, so the badge can be found before the API has answered: wait for the row.
    await expect
      .poll(() =>
        e2e.stack.db.deadline.findUniqueOrThrow({ where: { id: seeded("deadline:review") } }).then((row) => row.status),
      )
      .toBe("COMPLETED");
  });

  it("gives a deadline a reminder (a time gone by refused), and edits a task from the list", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 1000 } });
    await e2e.signIn(page);
    await page.goto("/assistant?tab=deadline");
    await page.getByRole("button", { name: "Add deadline" }).click();
    const form = page.getByRole("form", { name: "Add a deadline" });
    await form.getByLabel("Title").fill("Visa renewal");
    await form.getByLabel("Due").fill("2031-06-30T17:00");
    await form.getByLabel("Remind me at").fill("2020-06-01T09:00");
    await form.getByRole("button", { name: "Save" }).click();
    await expectVisible(form.getByText("That time has already passed. Pick a time in the future."));
    await form.getByLabel("Remind me at").fill("2031-06-23T09:00");
    await form.getByRole("button", { name: "Save" }).click();
    const row = page.getByRole("list", { name: "Deadlines" }).getByRole("listitem").filter({ hasText: "Visa renewal" });
    await expectVisible(row.getByText(/^Reminder /));
    const deadline = await e2e.stack.db.deadline.findFirstOrThrow({ where: { title: "Visa renewal" } });
    expect(deadline.reminderAt?.getTime()).toBe(new Date("2031-06-23T09:00").getTime());
    // Scheduled like any reminder: the worker picks it up from this row.
    expect(
      await e2e.stack.db.reminderSchedule.findFirst({ where: { deadlineId: deadline.id, status: "ACTIVE" } }),
    ).not.toBeNull();

    await page.getByRole("tab", { name: "Tasks" }).click();
    await page.getByRole("button", { name: "Edit “Prepare 1:1 agenda”" }).click();
    const edit = page.getByRole("form", { name: "Edit “Prepare 1:1 agenda”" });
    await edit.getByLabel("Task").fill("Prepare the 1:1 agenda with Marco");
    await edit.getByLabel("Status").selectOption("in_progress");
    await edit.getByLabel(/Notes/).fill("Ask about the Q3 roadmap.");
    await edit.getByRole("button", { name: "Save" }).click();
    await expectVisible(
      page.getByRole("list", { name: "Tasks" }).getByRole("link", { name: "Prepare the 1:1 agenda with Marco" }),
    );
    const task = await e2e.stack.db.task.findUniqueOrThrow({ where: { id: seeded("task:agenda") } });
    expect([task.title, task.status, task.description]).toEqual([
      "Prepare the 1:1 agenda with Marco",
      "IN_PROGRESS",
      "Ask about the Q3 roadmap.",
    ]);
  });

  it("edits a person and an event on their pages, with the API's field error shown and the facts updated", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 900 } });
    await e2e.signIn(page);
    await page.goto(`/assistant/person/${seeded("person:priya")}`);
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const person = page.getByRole("form", { name: "Edit person" });
    await expect(person.getByLabel("Name").inputValue()).resolves.toBe("Priya Shah");
    // With the field's own limit taken off, the API's check answers; its message goes under the field.
    await person.getByLabel("Name").evaluate((input) => input.removeAttribute("maxlength"));
    await person.getByLabel("Name").fill("P".repeat(201));
    await person.getByRole("button", { name: "Save" }).click();
    await expectVisible(person.getByText(/200 characters/));
    await expect(person.getByLabel("Name").getAttribute("aria-invalid")).resolves.toBe("true");
    await person.getByLabel("Name").fill("Priya Shah");
    await person.getByLabel("Company").fill("Northwind Labs");
    await person.getByLabel("Job title").fill("Head of Platform");
    await person.getByRole("button", { name: "Save" }).click();
    await expectVisible(page.getByText("Northwind Labs"));
    // The saved facts can show a moment before the form closes: wait for it, as for the event below.
    await expect.poll(() => page.getByRole("form", { name: "Edit person" }).count()).toBe(0);
    await expect(
      e2e.stack.db.person.findUniqueOrThrow({ where: { id: seeded("person:priya") } }),
    ).resolves.toMatchObject({ company: "Northwind Labs", title: "Head of Platform" });

    await page.goto("/assistant?tab=event");
    await page.getByRole("list", { name: "Events" }).getByRole("link", { name: "Release dry run with Priya" }).click();
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const event = page.getByRole("form", { name: "Edit event" });
    await event.getByLabel("Starts").fill("2027-04-02T15:00");
    await event.getByLabel("Ends").fill("2027-04-02T14:00");
    await event.getByRole("button", { name: "Save" }).click();
    await expectVisible(event.getByText("Must not be before the start."));
    await expect(event.getByLabel("Ends").getAttribute("aria-invalid")).resolves.toBe("true");
    await screenshot(page, "assistant-edit-event");
    await event.getByLabel("Ends").fill("2027-04-02T16:30");
    await event.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByRole("form", { name: "Edit event" }).count()).toBe(0);
    const stored = await e2e.stack.db.event.findFirstOrThrow({ where: { title: "Release dry run with Priya" } });
    expect(stored.endsAt!.getTime() - stored.startsAt.getTime()).toBe(90 * 60_000);
  });

  it("loads more people than one page", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page);
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    await e2e.stack.db.person.createMany({
      data: Array.from({ length: 53 }, (_, index) => ({
        userId: user.id,
        name: `Person ${String(index + 1).padStart(2, "0")}`,
      })),
    });
    await page.goto("/assistant");
    const people = page.getByRole("list", { name: "People" });
    await expectVisible(people.getByRole("link", { name: "Person 50" }));
    await expect(people.getByRole("listitem").count()).resolves.toBe(50);
    await page.getByRole("button", { name: "Load more people" }).click();
    await expectVisible(people.getByRole("link", { name: "Person 53" }));
    await expect(people.getByRole("listitem").count()).resolves.toBe(53);
    await expect(page.getByRole("button", { name: "Load more people" }).count()).resolves.toBe(0);
  });

  it("pages through an entity's links and names every end, past the first page of its kind", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page);
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    const person = await e2e.stack.db.person.create({ data: { userId: user.id, name: "Alex Hub" } });
    await e2e.stack.db.place.createMany({
      data: Array.from({ length: 53 }, (_, index) => ({
        userId: user.id,
        name: `Venue ${String(index + 1).padStart(2, "0")}`,
      })),
    });
    const places = await e2e.stack.db.place.findMany({ where: { userId: user.id } });
    await e2e.stack.db.entityRelationship.createMany({
      data: places.map((place) => ({
        userId: user.id,
        sourceType: "PERSON" as const,
        sourceId: person.id,
        targetType: "PLACE" as const,
        targetId: place.id,
        relationship: "attends",
      })),
    });
    await page.goto(`/assistant/person/${person.id}`);
    const links = page.getByRole("list", { name: "Links" });
    await expect.poll(() => links.getByRole("listitem").count()).toBe(50);
    await page.getByRole("button", { name: "Load more links" }).click();
    await expect.poll(() => links.getByRole("listitem").count()).toBe(53);
    // Every end is named, Venue 51–53 included, though the Places tab shows 50 before "Load more".
    await expect.poll(() => links.getByRole("link").count()).toBe(53);
    await expect(links.getByText("an item in the trash").count()).resolves.toBe(0);
  });

  it("shows an error that names no field of the form on top of it, rather than nowhere", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    // The API's answer to a database check (apps/api errors.ts): the constraint's name as the path, which no form field has.
    await page.route("**/api/people/*", (route) =>
      route.request().method() === "PATCH"
        ? route.fulfill({
            status: 400,
            json: {
              error: {
                code: "validation_failed",
                message: "A value is out of its allowed range.",
                requestId: "e2e",
                details: [{ path: "people_importance_check", message: "A value is out of its allowed range." }],
              },
            },
          })
        : route.fallback(),
    );
    await page.goto(`/assistant/person/${seeded("person:priya")}`);
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const form = page.getByRole("form", { name: "Edit person" });
    await form.getByRole("button", { name: "Save" }).click();
    await expectVisible(form.getByRole("alert").filter({ hasText: "A value is out of its allowed range." }));
  });
});

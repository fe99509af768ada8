import { describe, expect, it } from "vitest";

import { DEMO_USER, FRIEND_USER, seedId } from "@cto/db/seed";

import { expectVisible, screenshot, useE2e } from "./harness.ts";

const friendPost = seedId(`${FRIEND_USER.id}:post:talk`);

describe("community", () => {
  const e2e = useE2e();

  it("likes a post and replies in the feed", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 900 } });
    await e2e.signIn(page);
    await page.goto("/community");
    const talk = page.getByRole("article", { name: "My first meetup talk" });
    await expectVisible(talk.getByText("Sam Rivera"));
    await talk.getByRole("button", { name: "Liked · 1" }).click();
    await expectVisible(talk.getByRole("button", { name: "Like · 0" }));
    await expect(e2e.stack.db.like.count({ where: { postId: friendPost, userId: DEMO_USER.id } })).resolves.toBe(0);
    await talk.getByRole("button", { name: "Like · 0" }).click();
    await expectVisible(talk.getByRole("button", { name: "Liked · 1" }));

    const mine = page.getByRole("article", { name: "Week 3: letting go of the release" });
    await mine.getByRole("button", { name: "2 replies" }).click();
    await expectVisible(
      mine.getByRole("list", { name: "Replies" }).getByText("Proud of you. What was the hardest part?"),
    );
    await mine.getByLabel("Your reply").fill("Thanks Sam, it got easier after the dry run.");
    await mine.getByRole("button", { name: "Reply", exact: true }).click();
    await expectVisible(
      mine.getByRole("list", { name: "Replies" }).getByText("Thanks Sam, it got easier after the dry run."),
    );
    await expectVisible(mine.getByRole("button", { name: "3 replies" }));
    await screenshot(page, "community-feed");
  });

  it("writes a new post from the feed's New post button, and it shows in the feed at once", async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 } });
    await e2e.signUpFresh(page, "Noa");
    await page.goto("/community");
    await page.getByRole("button", { name: "New post" }).click();
    const dialog = page.getByRole("dialog", { name: "New post" });
    await dialog.getByRole("button", { name: "Publish" }).click();
    await expectVisible(dialog.getByText("Give the post a title."));
    await dialog.getByLabel("Title").fill("First week as a lead");
    await dialog.getByLabel("What happened").fill("Ran my first retro; it went better than I feared.");
    await dialog.getByRole("button", { name: "Publish" }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: "Published to the feed." }));
    await expectVisible(page.getByRole("tabpanel").getByText("First week as a lead"));
    const post = await e2e.stack.db.post.findFirstOrThrow({ where: { title: "First week as a lead" } });
    expect(post.status).toBe("PUBLISHED");
  });

  it("writes a draft, publishes drafts into the feed, and deletes a post", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.goto("/community?tab=posts");
    const drafts = page.getByRole("list", { name: "Your drafts" });
    await expectVisible(drafts.getByText("Notes on saying no"));

    await page.getByLabel("Title").fill("Day 12: a calendar with holes in it");
    await page.getByLabel("What happened").fill("Blocked two mornings for deep work and kept both.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expectVisible(drafts.getByText("Day 12: a calendar with holes in it"));
    await expect(page.getByLabel("Title").inputValue()).resolves.toBe("");
    await screenshot(page, "community-posts");

    await drafts
      .getByRole("listitem")
      .filter({ hasText: "Notes on saying no" })
      .getByRole("button", { name: "Publish" })
      .click();
    await expectVisible(page.getByRole("status").filter({ hasText: "Published to the feed." }));
    await page.getByRole("tab", { name: "Feed" }).click();
    await expectVisible(page.getByRole("article", { name: "Notes on saying no" }));

    await page.getByRole("tab", { name: "My posts" }).click();
    page.once("dialog", (dialog) => void dialog.accept());
    await drafts.getByRole("button", { name: "Delete “Day 12: a calendar with holes in it”" }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: "Deleted." }));
    await expect(e2e.stack.db.post.count({ where: { title: "Day 12: a calendar with holes in it" } })).resolves.toBe(0);
  });

  it("writes an AI story within the daily limit and says when the limit is spent", async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 } });
    await e2e.signIn(page);
    await page.goto("/community?tab=stories");
    // The seeded stories' periods in words: "Story for November 2026".
    await expectVisible(page.getByRole("article", { name: /^Story for [A-Z][a-z]+ \d{4}$/ }));
    const allowance = page.getByRole("status", { name: "Generations left today" });
    await expect.poll(() => allowance.textContent()).toMatch(/^20 of 20 generations left today/);

    await page.getByLabel("Period").selectOption({ index: 1 });
    // Last week, sent as an ISO week ("2026-W48") and shown as "Week 48, 2026".
    const [year, week] = (await page.getByLabel("Period").inputValue()).trim().split("-W");
    await page.getByRole("button", { name: "Write the story" }).click();
    await expectVisible(page.getByRole("article", { name: `Story for Week ${Number(week)}, ${year}` }));
    await expect.poll(() => allowance.textContent()).toMatch(/^19 of 20/);
    await expectVisible(page.getByRole("button", { name: "Already written" }));
    await screenshot(page, "community-stories-phone");

    await e2e.stack.db.user.update({
      where: { id: DEMO_USER.id },
      data: { dailyGenerationCount: 20, lastGenerationDate: new Date() },
    });
    await page.reload();
    await page.getByLabel("Period").selectOption({ index: 0 });
    await expectVisible(page.getByRole("button", { name: "No generations left today" }));
    await expect(page.getByRole("button", { name: "No generations left today" }).isDisabled()).resolves.toBe(true);
  });

  it("edits a published post, with the missing and the API's field errors shown, and the feed shows the change", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.goto("/community?tab=posts");
    await page.getByRole("radio", { name: "Published" }).click();
    await page.getByRole("button", { name: "Edit “Week 3: letting go of the release”" }).click();
    const editor = page.getByRole("form", { name: "Edit “Week 3: letting go of the release”" });
    await editor.getByLabel("Title").fill("  ");
    await editor.getByRole("button", { name: "Save changes" }).click();
    await expectVisible(editor.getByText("Give the post a title."));
    // With the field's own limit taken off, the API's check answers; its message goes under the field.
    await editor.getByLabel("Title").evaluate((input) => input.removeAttribute("maxlength"));
    await editor.getByLabel("Title").fill("x".repeat(201));
    await editor.getByRole("button", { name: "Save changes" }).click();
    await expectVisible(editor.getByText(/200 characters/));
    await expect(editor.getByLabel("Title").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(editor.getByRole("alert").count()).resolves.toBe(0);
    await screenshot(page, "community-post-edit");

    await editor.getByLabel("Title").fill("Week 3: handing over the release");
    await editor.getByRole("button", { name: "Save changes" }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: "Post saved." }));
    await expectVisible(
      page.getByRole("list", { name: "Your published posts" }).getByText("Week 3: handing over the release"),
    );
    const stored = await e2e.stack.db.post.findFirstOrThrow({
      where: { authorId: DEMO_USER.id, title: "Week 3: handing over the release" },
    });
    expect(stored.status).toBe("PUBLISHED");
    await page.getByRole("tab", { name: "Feed" }).click();
    await expectVisible(page.getByRole("article", { name: "Week 3: handing over the release" }));
  });

  it("loads more of your drafts than one page", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page);
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    const start = Date.now() - 3_600_000;
    await e2e.stack.db.post.createMany({
      data: Array.from({ length: 23 }, (_, index) => ({
        authorId: user.id,
        title: `Draft ${index + 1}`,
        content: "Notes.",
        createdAt: new Date(start + index * 1000),
        updatedAt: new Date(start + index * 1000),
      })),
    });
    await page.goto("/community?tab=posts");
    const drafts = page.getByRole("list", { name: "Your drafts" });
    await expectVisible(drafts.getByText("Draft 23"));
    await expect(drafts.getByRole("listitem").count()).resolves.toBe(20);
    await page.getByRole("button", { name: "Load more posts" }).click();
    await expectVisible(drafts.getByText("Draft 1", { exact: true }));
    await expect(drafts.getByRole("listitem").count()).resolves.toBe(23);
    await expect(page.getByRole("button", { name: "Load more posts" }).count()).resolves.toBe(0);
  });

  it("shows more replies than one page under a busy post", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page, "Robin Busy");
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    const post = await e2e.stack.db.post.create({
      data: {
        authorId: user.id,
        title: "A thread with many replies",
        content: "Cheer me on.",
        status: "PUBLISHED",
        publishedAt: new Date(),
      },
    });
    const start = Date.now() - 3_600_000;
    await e2e.stack.db.reply.createMany({
      data: Array.from({ length: 52 }, (_, index) => ({
        authorId: user.id,
        postId: post.id,
        content: `Reply number ${index + 1}`,
        createdAt: new Date(start + index * 1000),
      })),
    });
    await page.goto("/community");
    const thread = page.getByRole("article", { name: "A thread with many replies" });
    await thread.getByRole("button", { name: "52 replies" }).click();
    const replies = thread.getByRole("list", { name: "Replies" });
    await expectVisible(replies.getByText("Reply number 50", { exact: true }));
    await expect(replies.getByRole("listitem").count()).resolves.toBe(50);
    await thread.getByRole("button", { name: "Show more replies" }).click();
    await expectVisible(replies.getByText("Reply number 52", { exact: true }));
    await expect(replies.getByRole("listitem").count()).resolves.toBe(52);
  });

  it("loads more of your stories than one page", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page);
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    const start = Date.now() - 3_600_000;
    const month = (index: number) =>
      `20${String(20 + Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, "0")}`;
    await e2e.stack.db.story.createMany({
      data: Array.from({ length: 22 }, (_, index) => ({
        userId: user.id,
        period: month(index),
        content: `Story ${index + 1}.`,
        createdAt: new Date(start + index * 1000),
      })),
    });
    await page.goto("/community?tab=stories");
    const stories = page.getByRole("region", { name: "Your stories" });
    await expect.poll(() => stories.getByRole("article").count()).toBe(20);
    await stories.getByRole("button", { name: "Load more stories" }).click();
    await expect.poll(() => stories.getByRole("article").count()).toBe(22);
    await expectVisible(stories.getByRole("article", { name: "Story for January 2020" }));
  });
});

import { describe, expect, it } from "vitest";

import { overflow } from "./browser.ts";
import { screenshot, useE2e } from "./harness.ts";

const PHONE = { width: 390, height: 844 };
const DAY = 86_400_000;
// Long texts as people paste them: one long word, a long URL, an address with no spaces to break at.
const WORD = "Supercalifragilisticexpialidocious-quarterly-planning-retrospective";
const URL = `https://meet.example.com/${"a1b2c3d4".repeat(12)}?pwd=${"x".repeat(40)}`;
const LONG = `${WORD} ${URL} and then some ordinary words after it to make a longer title`;

describe("phone width (390 px) with long titles, names and URLs", () => {
  const e2e = useE2e();

  it("no page is wider than the phone", async () => {
    const page = await e2e.newPage({ viewport: PHONE });
    const { email } = await e2e.signUpFresh(page, `Maximiliana ${WORD}`);
    const { db } = e2e.stack;
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const userId = user.id;
    const soon = (days: number) => new Date(Date.now() + days * DAY);
    await db.user.update({
      where: { id: userId },
      data: { currentRole: LONG, bio: LONG, currentGoals: [LONG], currentSkills: [WORD] },
    });
    await db.userContext.create({
      data: { userId, workContext: LONG, longTermGoals: [LONG], currentChallenges: [WORD] },
    });
    const goal = await db.goal.create({
      data: { userId, title: LONG, description: LONG, period: "WEEKLY", progress: 30, deadline: soon(5) },
    });
    await db.commitment.create({
      data: { userId, goalId: goal.id, title: LONG, description: URL, dueAt: soon(0.2), remindAt: soon(0.1) },
    });
    await db.commitment.create({ data: { userId, title: `Overdue ${WORD}`, dueAt: soon(-1) } });
    const person = await db.person.create({
      data: {
        userId,
        name: `Person ${WORD}`,
        email: `${"very.long.address".repeat(4)}@example.com`,
        company: WORD,
        title: LONG,
        notes: URL,
      },
    });
    const place = await db.place.create({ data: { userId, name: `Place ${WORD}`, address: URL, city: WORD } });
    const event = await db.event.create({
      data: {
        userId,
        title: LONG,
        startsAt: soon(1),
        endsAt: soon(1.1),
        location: URL,
        virtualUrl: URL,
        placeId: place.id,
      },
    });
    const task = await db.task.create({ data: { userId, title: LONG, description: URL, dueDate: soon(2) } });
    await db.task.create({ data: { userId, parentId: task.id, title: `Subtask ${WORD}` } });
    const deadline = await db.deadline.create({
      data: { userId, title: LONG, dueAt: soon(3), reminderAt: soon(2), consequences: URL, taskId: task.id },
    });
    await db.entityRelationship.create({
      data: {
        userId,
        sourceType: "PERSON",
        sourceId: person.id,
        targetType: "EVENT",
        targetId: event.id,
        relationship: WORD,
      },
    });
    await db.emotion.create({ data: { userId, label: WORD, valence: "NEGATIVE", intensity: 7, note: URL } });
    await db.energyMetric.create({ data: { userId, level: 6, note: URL } });
    await db.insight.create({ data: { userId, title: LONG, content: URL, tags: [WORD] } });
    await db.proactiveMessage.create({
      data: {
        userId,
        content: `Reminder: ${LONG}`,
        channel: "IN_APP",
        status: "SENT",
        sentAt: new Date(),
        dedupeKey: `phone-${userId}`,
      },
    });
    await db.report.create({
      data: {
        userId,
        type: "SEVEN_DAY",
        title: `Your 7-day report, ${WORD}`,
        summary: LONG,
        periodStart: soon(-7),
        periodEnd: soon(0),
        payload: {
          consistency: 70,
          commitments: { completed: 1, skipped: 1, pending: 1 },
          topInsights: [LONG],
          goalsProgress: [
            { title: LONG, progress: 30 },
            { title: LONG, progress: 30 },
          ],
          energyTrend: [{ day: 0, level: 5 }],
          emotions: [{ day: 0, valence: "NEGATIVE", intensity: 6 }],
        },
      },
    });
    const conversation = await db.conversation.create({ data: { userId, title: LONG } });
    await db.message.create({
      data: { conversationId: conversation.id, userId, role: "USER", content: `${LONG} ${URL}` },
    });
    await db.message.create({ data: { conversationId: conversation.id, role: "ASSISTANT", content: URL } });
    const session = await db.analysisSession.create({ data: { userId, type: "TEXT", name: LONG } });
    await db.analysisMessage.createMany({
      data: [
        { analysisSessionId: session.id, author: "CONTACT", text: URL },
        { analysisSessionId: session.id, author: "USER", text: LONG },
        { analysisSessionId: session.id, author: "AI", text: LONG, title: WORD, tag: WORD, analysis: URL },
      ],
    });
    const post = await db.post.create({
      data: { authorId: userId, title: LONG, content: `${LONG}\n${URL}`, status: "PUBLISHED", publishedAt: new Date() },
    });
    await db.post.create({ data: { authorId: userId, title: `Draft ${WORD}`, content: URL } });
    await db.reply.create({ data: { postId: post.id, authorId: userId, content: URL } });
    await db.story.create({ data: { userId, period: "2026-W10", content: `${LONG}\n${URL}` } });
    await db.apiKey.create({ data: { userId, name: WORD, prefix: "cto_long", keyHash: `${userId}-phone` } });

    const pages = [
      "/",
      "/chat",
      `/chat/${conversation.id}`,
      "/check-ins",
      "/goals",
      "/goals?tab=commitments",
      "/analysis",
      `/analysis/${session.id}`,
      "/assistant",
      "/assistant?tab=place",
      "/assistant?tab=event",
      "/assistant?tab=task",
      "/assistant?tab=deadline",
      `/assistant/person/${person.id}`,
      `/assistant/place/${place.id}`,
      `/assistant/event/${event.id}`,
      `/assistant/task/${task.id}`,
      `/assistant/deadline/${deadline.id}`,
      "/community",
      "/community?tab=posts",
      "/community?tab=stories",
      `/search?q=${encodeURIComponent(WORD)}`,
      "/reports",
      "/reports?type=two_day",
      "/settings",
      "/welcome",
    ];
    const wide: Record<string, string[]> = {};
    for (const path of pages) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await page
        .locator("h1")
        .first()
        .waitFor({ state: "attached" })
        .catch((error: Error) => {
          throw new Error(`${path}: ${error.message}`);
        });
      const { scrollWidth, width, offenders } = await overflow(page);
      if (scrollWidth > width || offenders.length) wide[path] = [`${scrollWidth} px wide`, ...offenders];
    }
    await page.goto("/");
    await page.getByRole("button", { name: "Menu" }).click();
    const menu = await overflow(page);
    if (menu.scrollWidth > menu.width) wide["/ (menu open)"] = [`${menu.scrollWidth} px wide`, ...menu.offenders];
    await page.goto("/");
    await page.getByTestId("dashboard-ready").waitFor();
    await screenshot(page, "phone-dashboard-long-texts");
    expect(wide).toEqual({});
  });

  it("the signed-out pages fit too", async () => {
    const page = await e2e.newPage({ viewport: PHONE });
    const wide: Record<string, number> = {};
    for (const path of ["/sign-in", "/sign-up", "/forgot-password", `/reset-password?token=${"t".repeat(200)}`]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const { scrollWidth, width } = await overflow(page);
      if (scrollWidth > width) wide[path] = scrollWidth;
    }
    expect(wide).toEqual({});
  });
});

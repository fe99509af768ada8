import { adherenceNotes, scoreAdherence } from "@cto/kernel/adherence";
import { reportPayload, type TReportRows } from "@cto/kernel/report-payload";

import { upsertEmbedding } from "../../vector.ts";
import { daysFrom, hoursFrom, localClock, SEED_TIMEZONE, type SeedContext } from "../context.ts";
import { FIXTURE_EMBEDDING_MODEL, fixtureEmbedding } from "../fixture-embedding.ts";

const REPORT_DAYS = [
  ["TWO_DAY", 2],
  ["SEVEN_DAY", 7],
  ["TWENTY_ONE_DAY", 21],
] as const;
/** The worker's consistency windows (metrics.consistency-schedule). */
const CONSISTENCY_WINDOWS = [7, 30] as const;
const dayLabel = (at: Date) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: SEED_TIMEZONE, day: "numeric", month: "short" }).format(at);

export const seedCoaching = async ({ db, user, now, id }: SeedContext) => {
  const clock = localClock(now);
  const conversationId = id("conversation:delegation");
  await db.conversation.createMany({
    skipDuplicates: true,
    data: [
      {
        id: conversationId,
        userId: user.id,
        title: "Delegating the release",
        summary: "Wants to hand the release process to Priya; worried about quality.",
        context: { topic: "delegation" },
        createdAt: daysFrom(now, -2),
      },
    ],
  });

  const turns = [
    { role: "USER", content: "I keep doing the release myself because I'm afraid it will break if I hand it over." },
    {
      role: "ASSISTANT",
      content: "That fear is common. What would Priya need to run the next release with you only on call?",
    },
    { role: "USER", content: "A checklist, and one dry run together. I could do the dry run on Thursday." },
    {
      role: "ASSISTANT",
      content: "Great: shall I add a commitment to write the checklist by Wednesday and book the dry run for Thursday?",
    },
  ] as const;
  const messageIds = turns.map((_, i) => id(`message:delegation:${i}`));
  await db.message.createMany({
    skipDuplicates: true,
    data: turns.map((turn, i) => ({
      id: messageIds[i]!,
      conversationId,
      role: turn.role,
      content: turn.content,
      userId: turn.role === "USER" ? user.id : null,
      source: i === 2 ? "TELEGRAM" : "WEB",
      telegramMessageId: i === 2 ? "1042" : null,
      metadata: { seeded: true },
      createdAt: hoursFrom(daysFrom(now, -2), i),
    })),
  });
  await db.aiResponse.createMany({
    skipDuplicates: true,
    data: [1, 3].map((i) => ({
      id: id(`ai-response:${i}`),
      messageId: messageIds[i]!,
      userId: user.id,
      modelUsed: i === 1 ? "gpt-4o-mini" : "gpt-4o",
      tokenCount: 180 + i * 20,
      promptTokens: 140,
      completionTokens: 40 + i * 20,
      cost: "0.00004200",
      latency: 850 + i * 100,
      temperature: 0.7,
      maxTokens: 400,
      requestData: { messages: i + 1 },
      responseData: { finishReason: "stop" },
      createdAt: hoursFrom(daysFrom(now, -2), i),
    })),
  });

  const insightId = id("insight:mornings");
  const insight = {
    id: insightId,
    title: "Mornings are for deep work",
    content: "You report the most focus before 11:00; meetings after lunch drain your energy.",
    createdAt: clock.at(-1, 11),
  };
  await db.insight.createMany({
    skipDuplicates: true,
    data: [{ ...insight, userId: user.id, conversationId, tags: ["energy", "focus"] }],
  });

  const goalId = id("goal:delegate");
  const goals = [
    {
      id: goalId,
      title: "Delegate the release process",
      description: "Priya runs releases by the end of the quarter.",
      period: "QUARTERLY" as const,
      status: "ACTIVE" as const,
      progress: 40,
      startDate: daysFrom(now, -20),
      deadline: clock.at(70, 17),
    },
    {
      id: id("goal:focus"),
      title: "Two deep-work blocks a day",
      period: "DAILY" as const,
      status: "ACTIVE" as const,
      progress: 50,
      startDate: daysFrom(now, -7),
    },
    {
      id: id("goal:talk"),
      title: "Run a team retro on feedback",
      period: "WEEKLY" as const,
      status: "COMPLETED" as const,
      progress: 100,
      startDate: daysFrom(now, -14),
      deadline: clock.at(-7, 17),
      completedAt: clock.at(-8, 15),
    },
  ];
  await db.goal.createMany({ skipDuplicates: true, data: goals.map((goal) => ({ ...goal, userId: user.id })) });
  const checklistId = id("commitment:checklist");
  // Tomorrow at 10:00 local time: inside the demo user's working hours, so it is delivered when it says.
  const checklistReminder = clock.at(1, 10);
  const commitments = [
    {
      id: checklistId,
      goalId,
      title: "Write the release checklist",
      status: "SCHEDULED" as const,
      dueAt: clock.at(1, 17),
      remindAt: checklistReminder,
    },
    {
      id: id("commitment:dry-run"),
      goalId,
      title: "Dry run with Priya",
      status: "PENDING" as const,
      dueAt: clock.at(2, 12),
    },
    {
      id: id("commitment:retro"),
      goalId: null,
      title: "Share retro notes",
      status: "COMPLETED" as const,
      dueAt: clock.at(-3, 17),
      completedAt: clock.at(-3, 15),
    },
    {
      id: id("commitment:sprint"),
      goalId: null,
      title: "Plan the sprint with the team",
      status: "COMPLETED" as const,
      dueAt: clock.at(-6, 12),
      completedAt: clock.at(-6, 11),
    },
    {
      id: id("commitment:skipped"),
      goalId: null,
      title: "Inbox zero on Friday",
      status: "SKIPPED" as const,
      dueAt: clock.at(-5, 17),
      skippedAt: clock.at(-5, 16),
    },
  ];
  await db.commitment.createMany({
    skipDuplicates: true,
    data: commitments.map((commitment) => ({ ...commitment, userId: user.id })),
  });
  await db.reminderSchedule.createMany({
    skipDuplicates: true,
    data: [
      // Exactly what scheduling the reminder writes (@cto/core's syncReminder), so the worker's reconcile can queue it.
      {
        id: id("schedule:checklist"),
        userId: user.id,
        kind: "COMMITMENT_REMINDER",
        commitmentId: checklistId,
        queueName: "reminders",
        status: "ACTIVE",
        jobId: `reminder.commitment.${checklistId}.${checklistReminder.getTime()}`,
        timezone: SEED_TIMEZONE,
        nextRunAt: checklistReminder,
        payload: { kind: "commitment", entityId: checklistId, userId: user.id, remindAt: checklistReminder.getTime() },
      },
      {
        id: id("schedule:weekly-report"),
        userId: user.id,
        kind: "REPORT",
        queueName: "reports",
        jobId: `report.${user.id}.SEVEN_DAY`,
        cadence: "0 18 * * 0",
        timezone: SEED_TIMEZONE,
        nextRunAt: daysFrom(now, 3),
        lastRunAt: daysFrom(now, -4),
        payload: { type: "SEVEN_DAY" },
      },
    ],
  });

  // A week of check-ins, one a day at fixed local times, so every report window counts whole days.
  const labels = [
    ["calm", "POSITIVE"],
    ["anxious", "NEGATIVE"],
    ["focused", "POSITIVE"],
    ["tired", "NEUTRAL"],
    ["proud", "POSITIVE"],
    ["frustrated", "NEGATIVE"],
    ["hopeful", "POSITIVE"],
  ] as const;
  const emotions = labels.map(([label, valence], i) => ({
    id: id(`emotion:${i}`),
    label,
    valence,
    intensity: 3 + ((i * 2) % 7),
    recordedAt: clock.at(i - 7, 10),
  }));
  const energy = Array.from({ length: 7 }, (_, i) => ({
    id: id(`energy:${i}`),
    level: 4 + ((i * 3) % 6),
    note: i === 3 ? "Slept badly" : null,
    recordedAt: clock.at(i - 7, 9),
  }));
  await db.emotion.createMany({
    skipDuplicates: true,
    data: emotions.map((emotion, i) => ({
      ...emotion,
      userId: user.id,
      conversationId: i === 1 ? conversationId : null,
    })),
  });
  await db.energyMetric.createMany({ skipDuplicates: true, data: energy.map((row) => ({ ...row, userId: user.id })) });

  // Scores and reports up to the start of today, as the worker's nightly runs would have left them.
  const end = clock.midnight(0);
  await db.consistencyMetric.createMany({
    skipDuplicates: true,
    data: CONSISTENCY_WINDOWS.map((windowDays) => {
      const start = clock.midnight(-windowDays);
      const adherence = scoreAdherence(commitments.filter((row) => row.dueAt >= start && row.dueAt < end));
      return {
        id: id(`consistency:${windowDays}`),
        userId: user.id,
        windowDays,
        score: (adherence.score ?? 0).toFixed(2),
        notes: adherenceNotes(adherence, windowDays, null),
        periodStart: start,
        periodEnd: end,
        computedAt: end,
      };
    }),
  });
  const rows: TReportRows = { emotions, energy, due: commitments, done: commitments, insights: [insight], goals };
  const reports = REPORT_DAYS.map(([type, days]) => {
    const start = clock.midnight(-days);
    const payload = reportPayload(rows, start, end, SEED_TIMEZONE);
    const { completed, due } = payload.commitments;
    const kept = due ? `you kept ${completed} of the ${due} commitments due` : "no commitment fell due";
    const energyNote =
      payload.energy.average === null ? "" : `, and your energy averaged ${payload.energy.average} of 10`;
    const summary = `Over these ${days} days ${kept}${energyNote}. Delegating the release process is ${goals[0]!.progress}% done.`;
    return {
      id: id(`report:${type}`),
      userId: user.id,
      type,
      periodStart: start,
      periodEnd: end,
      title: `Your ${days}-day report, ${dayLabel(start)}–${dayLabel(new Date(end.getTime() - 1))}`,
      summary,
      payload,
    };
  });
  await db.report.createMany({ skipDuplicates: true, data: reports });

  const embed = (content: string) => fixtureEmbedding(content);
  const owners = [
    { ownerKind: "MESSAGE" as const, ownerId: messageIds[1]!, content: turns[1].content },
    { ownerKind: "MESSAGE" as const, ownerId: messageIds[0]!, content: turns[0].content },
    {
      ownerKind: "INSIGHT" as const,
      ownerId: insightId,
      content: "You report the most focus before 11:00; meetings after lunch drain your energy.",
    },
    { ownerKind: "REPORT" as const, ownerId: reports[1]!.id, content: reports[1]!.summary },
    {
      ownerKind: "GOAL" as const,
      ownerId: goalId,
      content: "Delegate the release process. Priya runs releases by the end of the quarter.",
    },
  ];
  for (const owner of owners)
    await upsertEmbedding(db, { userId: user.id, ...owner, model: FIXTURE_EMBEDDING_MODEL, embed });
};

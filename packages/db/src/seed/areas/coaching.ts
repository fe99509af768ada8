import { upsertEmbedding } from "../../vector.ts";
import { daysFrom, hoursFrom, type SeedContext } from "../context.ts";
import { FIXTURE_EMBEDDING_MODEL, fixtureEmbedding } from "../fixture-embedding.ts";

const reportPayload = (days: number, seed: number) => ({
  windowDays: days,
  emotions: Array.from({ length: Math.min(days, 7) }, (_, i) => ({ day: i, valence: ["POSITIVE", "NEUTRAL", "NEGATIVE"][(i + seed) % 3], intensity: 4 + ((i * 3 + seed) % 5) })),
  energyTrend: Array.from({ length: Math.min(days, 7) }, (_, i) => ({ day: i, level: 5 + ((i + seed) % 4) })),
  commitments: { completed: 3 + seed, skipped: 1, pending: 2 },
  consistency: 68 + seed * 4,
  topInsights: ["Mornings are your most focused time", "Delegation frees evenings"],
  goalsProgress: [{ title: "Delegate more", progress: 40 + seed * 10 }],
});

export const seedCoaching = async ({ db, user, now, id }: SeedContext) => {
  const conversationId = id("conversation:delegation");
  await db.conversation.createMany({ skipDuplicates: true, data: [{ id: conversationId, userId: user.id, title: "Delegating the release", summary: "Wants to hand the release process to Priya; worried about quality.", context: { topic: "delegation" }, createdAt: daysFrom(now, -2) }] });

  const turns = [
    { role: "USER", content: "I keep doing the release myself because I'm afraid it will break if I hand it over." },
    { role: "ASSISTANT", content: "That fear is common. What would Priya need to run the next release with you only on call?" },
    { role: "USER", content: "A checklist, and one dry run together. I could do the dry run on Thursday." },
    { role: "ASSISTANT", content: "Great: shall I add a commitment to write the checklist by Wednesday and book the dry run for Thursday?" },
  ] as const;
  const messageIds = turns.map((_, i) => id(`message:delegation:${i}`));
  await db.message.createMany({
    skipDuplicates: true,
    data: turns.map((turn, i) => ({
      id: messageIds[i]!, conversationId, role: turn.role, content: turn.content, userId: turn.role === "USER" ? user.id : null,
      source: i === 2 ? "TELEGRAM" : "WEB", telegramMessageId: i === 2 ? "1042" : null, metadata: { seeded: true }, createdAt: hoursFrom(daysFrom(now, -2), i),
    })),
  });
  await db.aiResponse.createMany({
    skipDuplicates: true,
    data: [1, 3].map((i) => ({
      id: id(`ai-response:${i}`), messageId: messageIds[i]!, userId: user.id, modelUsed: i === 1 ? "gpt-4o-mini" : "gpt-4o", tokenCount: 180 + i * 20, promptTokens: 140, completionTokens: 40 + i * 20,
      cost: "0.00004200", latency: 850 + i * 100, temperature: 0.7, maxTokens: 400, requestData: { messages: i + 1 }, responseData: { finishReason: "stop" }, createdAt: hoursFrom(daysFrom(now, -2), i),
    })),
  });

  const insightId = id("insight:mornings");
  await db.insight.createMany({ skipDuplicates: true, data: [{ id: insightId, userId: user.id, conversationId, title: "Mornings are for deep work", content: "You report the most focus before 11:00; meetings after lunch drain your energy.", tags: ["energy", "focus"] }] });

  const goalId = id("goal:delegate");
  await db.goal.createMany({
    skipDuplicates: true,
    data: [
      { id: goalId, userId: user.id, title: "Delegate the release process", description: "Priya runs releases by the end of the quarter.", period: "QUARTERLY", progress: 40, startDate: daysFrom(now, -20), deadline: daysFrom(now, 70) },
      { id: id("goal:focus"), userId: user.id, title: "Two deep-work blocks a day", period: "DAILY", progress: 50, startDate: daysFrom(now, -7) },
      { id: id("goal:talk"), userId: user.id, title: "Run a team retro on feedback", period: "WEEKLY", status: "COMPLETED", progress: 100, startDate: daysFrom(now, -14), deadline: daysFrom(now, -7), completedAt: daysFrom(now, -8) },
    ],
  });
  const checklistId = id("commitment:checklist");
  await db.commitment.createMany({
    skipDuplicates: true,
    data: [
      { id: checklistId, userId: user.id, goalId, title: "Write the release checklist", status: "SCHEDULED", dueAt: daysFrom(now, 1), remindAt: hoursFrom(daysFrom(now, 1), -2) },
      { id: id("commitment:dry-run"), userId: user.id, goalId, title: "Dry run with Priya", status: "PENDING", dueAt: daysFrom(now, 2) },
      { id: id("commitment:retro"), userId: user.id, title: "Share retro notes", status: "COMPLETED", dueAt: daysFrom(now, -3), completedAt: daysFrom(now, -3) },
      { id: id("commitment:skipped"), userId: user.id, title: "Inbox zero on Friday", status: "SKIPPED", dueAt: daysFrom(now, -5), skippedAt: daysFrom(now, -5) },
    ],
  });
  await db.reminderSchedule.createMany({
    skipDuplicates: true,
    data: [
      { id: id("schedule:checklist"), userId: user.id, kind: "COMMITMENT_REMINDER", commitmentId: checklistId, queueName: "reminders", jobId: `commitment:${checklistId}`, timezone: "Europe/Berlin", nextRunAt: hoursFrom(daysFrom(now, 1), -2) },
      { id: id("schedule:weekly-report"), userId: user.id, kind: "REPORT", queueName: "reports", jobId: `report:${user.id}:SEVEN_DAY`, cadence: "0 18 * * 0", timezone: "Europe/Berlin", nextRunAt: daysFrom(now, 3), lastRunAt: daysFrom(now, -4), payload: { type: "SEVEN_DAY" } },
    ],
  });

  const labels = [["calm", "POSITIVE"], ["anxious", "NEGATIVE"], ["focused", "POSITIVE"], ["tired", "NEUTRAL"], ["proud", "POSITIVE"], ["frustrated", "NEGATIVE"], ["hopeful", "POSITIVE"]] as const;
  await db.emotion.createMany({ skipDuplicates: true, data: labels.map(([label, valence], i) => ({ id: id(`emotion:${i}`), userId: user.id, conversationId: i === 1 ? conversationId : null, label, valence, intensity: 3 + ((i * 2) % 7), recordedAt: daysFrom(now, i - 7) })) });
  await db.energyMetric.createMany({ skipDuplicates: true, data: Array.from({ length: 7 }, (_, i) => ({ id: id(`energy:${i}`), userId: user.id, level: 4 + ((i * 3) % 6), note: i === 3 ? "Slept badly" : null, recordedAt: daysFrom(now, i - 7) })) });
  await db.consistencyMetric.createMany({ skipDuplicates: true, data: [7, 21].map((windowDays) => ({ id: id(`consistency:${windowDays}`), userId: user.id, windowDays, score: windowDays === 7 ? "75.00" : "68.50", notes: "3 of 4 commitments done on time", periodStart: daysFrom(now, -windowDays), periodEnd: now })) });

  const reports = ([["TWO_DAY", 2], ["SEVEN_DAY", 7], ["TWENTY_ONE_DAY", 21]] as const).map(([type, days], seed) => ({
    id: id(`report:${type}`), userId: user.id, type, periodStart: daysFrom(now, -days), periodEnd: now, title: `${days}-day report`,
    summary: `Over ${days} days you kept ${3 + seed} commitments; energy peaks in the morning and delegation is moving.`, payload: reportPayload(days, seed),
  }));
  await db.report.createMany({ skipDuplicates: true, data: reports });

  const embed = (content: string) => fixtureEmbedding(content);
  const owners = [
    { ownerKind: "MESSAGE" as const, ownerId: messageIds[1]!, content: turns[1].content },
    { ownerKind: "MESSAGE" as const, ownerId: messageIds[0]!, content: turns[0].content },
    { ownerKind: "INSIGHT" as const, ownerId: insightId, content: "You report the most focus before 11:00; meetings after lunch drain your energy." },
    { ownerKind: "REPORT" as const, ownerId: reports[1]!.id, content: reports[1]!.summary },
    { ownerKind: "GOAL" as const, ownerId: goalId, content: "Delegate the release process. Priya runs releases by the end of the quarter." },
  ];
  for (const owner of owners) await upsertEmbedding(db, { userId: user.id, ...owner, model: FIXTURE_EMBEDDING_MODEL, embed });
};

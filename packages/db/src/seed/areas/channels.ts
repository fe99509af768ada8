import { daysFrom, hoursFrom, type SeedContext } from "../context.ts";

export const seedChannels = async ({ db, user, now, id }: SeedContext) => {
  // A linked connection: the one-time token was used, so it is gone.
  await db.telegramConnection.createMany({
    skipDuplicates: true,
    data: [{ id: id("telegram"), userId: user.id, telegramChatId: `demo-chat-${user.id.slice(0, 8)}`, telegramUsername: "demo_cto", isActive: true, connectedAt: daysFrom(now, -10), lastMessageAt: daysFrom(now, -2) }],
  });
  const checklist = id("commitment:checklist");
  await db.proactiveMessage.createMany({
    skipDuplicates: true,
    data: [
      { id: id("proactive:due"), userId: user.id, content: "Reminder: write the release checklist today.", status: "PENDING", channel: "TELEGRAM", scheduledFor: hoursFrom(daysFrom(now, 1), -2), commitmentId: checklist, dedupeKey: `reminder:${checklist}:1`, context: { kind: "commitment_reminder" } },
      { id: id("proactive:sent"), userId: user.id, content: "How did the retro go?", status: "SENT", channel: "TELEGRAM", scheduledFor: daysFrom(now, -3), sentAt: daysFrom(now, -3), attempts: 1, dedupeKey: `checkin:${user.id}:retro` },
      { id: id("proactive:in-app"), userId: user.id, content: "Your 7-day report is ready.", status: "SENT", channel: "IN_APP", sentAt: daysFrom(now, -1), seenAt: hoursFrom(daysFrom(now, -1), 2), dedupeKey: `report-ready:${user.id}:seven` },
      { id: id("proactive:failed"), userId: user.id, content: "Time for your energy check-in.", status: "FAILED", channel: "TELEGRAM", scheduledFor: daysFrom(now, -4), failedAt: daysFrom(now, -4), attempts: 5, lastError: "Telegram answered 403: bot was blocked by the user" },
    ],
  });
};

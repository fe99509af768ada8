import { daysFrom, hoursFrom, localClock, SEED_TIMEZONE, type SeedContext } from "../context.ts";

/** A due time as the worker's reminder text writes it (in the user's timezone). */
const dueWhen = (at: Date) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: SEED_TIMEZONE,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);

export const seedChannels = async ({ db, user, now, id }: SeedContext) => {
  // A linked connection: the one-time token was used, so it is gone.
  await db.telegramConnection.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id("telegram"),
        userId: user.id,
        telegramChatId: `demo-chat-${user.id.slice(0, 8)}`,
        telegramUsername: "demo_cto",
        isActive: true,
        connectedAt: daysFrom(now, -10),
        lastMessageAt: daysFrom(now, -2),
      },
    ],
  });
  // What the worker would have left: the reminder of a commitment done since (delivered in the app,
  // as reminders.due writes it), a check-in and a report notice, and one Telegram send that gave up
  // after its attempts (a failure that leaves the chat linked, unlike a blocked bot).
  const retro = id("commitment:retro");
  const clock = localClock(now);
  const retroReminder = clock.at(-3, 9);
  const reminderJob = `reminder.commitment.${retro}.${retroReminder.getTime()}`;
  await db.proactiveMessage.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id("proactive:due"),
        userId: user.id,
        content: `Reminder: you committed to "Share retro notes" — due ${dueWhen(clock.at(-3, 17))}. How is it going?`,
        status: "SENT",
        channel: "IN_APP",
        scheduledFor: retroReminder,
        sentAt: retroReminder,
        seenAt: clock.at(-3, 10),
        actedAt: clock.at(-3, 15),
        commitmentId: retro,
        dedupeKey: `${reminderJob}.IN_APP`,
        context: {
          type: "reminder",
          kind: "commitment",
          entityId: retro,
          remindAt: retroReminder.toISOString(),
          goalId: null,
        },
      },
      {
        id: id("proactive:sent"),
        userId: user.id,
        content: "How did the retro go?",
        status: "SENT",
        channel: "TELEGRAM",
        scheduledFor: daysFrom(now, -3),
        sentAt: daysFrom(now, -3),
        attempts: 1,
        dedupeKey: `checkin:${user.id}:retro`,
      },
      {
        id: id("proactive:in-app"),
        userId: user.id,
        content: "Your 7-day report is ready.",
        status: "SENT",
        channel: "IN_APP",
        sentAt: daysFrom(now, -1),
        seenAt: hoursFrom(daysFrom(now, -1), 2),
        dedupeKey: `report-ready:${user.id}:seven`,
      },
      {
        id: id("proactive:failed"),
        userId: user.id,
        content: "Time for your energy check-in.",
        status: "FAILED",
        channel: "TELEGRAM",
        scheduledFor: daysFrom(now, -4),
        failedAt: daysFrom(now, -4),
        attempts: 10,
        lastError: "Telegram did not answer (timed out) after 10 attempts",
      },
    ],
  });
};

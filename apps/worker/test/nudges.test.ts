import { describe, expect, it } from "vitest";

import type { Db } from "@cto/db/client";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";

import { SCHEDULES } from "../src/jobs/schedules.ts";
import { runNudges } from "../src/services/nudges/run.ts";
import { dueTimeIn } from "./local-time.ts";

const HOUR = 3_600_000;
// A fixed time of day (10:00 UTC today), near the real clock so the users made now count as active.
const TEN = (() => {
  const at = new Date();
  at.setUTCHours(10, 0, 0, 0);
  return at;
})();
const at = (hours: number, from = TEN) => new Date(from.getTime() + hours * HOUR);

const makeUser = (db: Db, preferences: object = {}) =>
  db.user.create({ data: { email: `nudges-${crypto.randomUUID()}@example.com`, preferences } });

const nudgesOf = (db: Db, userId: string) =>
  db.proactiveMessage.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { channel: "asc" }] });

/** A commitment due in `dueIn` hours that nobody touched for two days. */
const staleCommitment = async (db: Db, userId: string, title: string, dueIn: number) => {
  const row = await db.commitment.create({ data: { userId, title, dueAt: at(dueIn) } });
  await db.$executeRaw`UPDATE commitments SET updated_at = ${at(-48)} WHERE id = ${row.id}::uuid`;
  return row;
};

const checkInOn = (db: Db, userId: string, recordedAt: Date) =>
  db.energyMetric.create({ data: { userId, level: 6, recordedAt } });

for (const target of testTargets()) {
  describe(`reminders/nudges (${target.name})`, () => {
    const handle = useMigratedDatabase(target);
    const run = (now = TEN) => runNudges({ db: handle.db, now, maxUsers: 10_000 });

    it("runs every 15 minutes", () => {
      expect(SCHEDULES.find((entry) => entry.queue === "reminders" && entry.job === "nudges")?.repeat).toEqual({
        every: 15 * 60_000,
      });
    });

    it("nudges about a commitment at risk once, naming it and its due time in the user's timezone", async () => {
      const { db } = handle;
      const user = await makeUser(db, { timezone: "Europe/Berlin" });
      const commitment = await staleCommitment(db, user.id, "Send the 'Q4' plan", 30);
      // Not at risk: due later, touched today, done, or with no due time.
      await db.commitment.create({ data: { userId: user.id, title: "Later", dueAt: at(24 * 5) } });
      await db.commitment.create({ data: { userId: user.id, title: "Fresh", dueAt: at(20) } });
      const done = await staleCommitment(db, user.id, "Done already", 10);
      await db.commitment.update({ where: { id: done.id }, data: { status: "COMPLETED" } });
      await db.$executeRaw`UPDATE commitments SET updated_at = ${at(-48)} WHERE id = ${done.id}::uuid`;
      const bystander = await makeUser(db);

      await run();
      const messages = await nudgesOf(db, user.id);
      expect(messages).toHaveLength(1);
      const [message] = messages;
      expect(message).toMatchObject({ channel: "IN_APP", status: "SENT", commitmentId: commitment.id });
      // 10:00 UTC + 30 h is 17:00 the next day in Berlin (UTC+1 in December).
      const due = dueTimeIn("en-GB", "Europe/Berlin", at(30));
      expect(message!.content).toContain(`"Send the 'Q4' plan" is due ${due}`);
      expect(due).toContain("17:00");
      expect(message!.context).toMatchObject({
        type: "nudge",
        kind: "commitment-at-risk",
        cause: `nudge:commitment-at-risk:${commitment.id}:${at(30).getTime()}`,
        commitmentId: commitment.id,
      });
      expect(await nudgesOf(db, bystander.id)).toEqual([]);

      // Never twice for the same cause, even a day later with room under the limit.
      await run(at(0.25));
      await run(at(2));
      expect(await nudgesOf(db, user.id)).toHaveLength(1);
      // Moved to a new due time and still untouched, it is a new cause.
      await db.$executeRaw`UPDATE commitments SET due_at = ${at(40)}, updated_at = ${at(-48)} WHERE id = ${commitment.id}::uuid`;
      await run(at(2));
      expect((await nudgesOf(db, user.id)).map((row) => (row.context as { dueAt: string }).dueAt)).toEqual([
        at(30).toISOString(),
        at(40).toISOString(),
      ]);
    });

    it("writes each nudge in the user's language: German for preferences.locale de, with German dates", async () => {
      const { db } = handle;
      const user = await makeUser(db, { timezone: "Europe/Berlin", locale: "de", coachNudges: { maxPerDay: 5 } });
      await staleCommitment(db, user.id, "Angebot schicken", 30);
      await db.deadline.create({
        data: { userId: user.id, title: "Steuererklärung", dueAt: at(40), status: "EXTENDED" },
      });
      await db.report.create({
        data: {
          userId: user.id,
          type: "SEVEN_DAY",
          periodStart: at(-24 * 7),
          periodEnd: at(-1),
          title: null,
          payload: {},
          createdAt: at(-1),
        },
      });
      await run();
      const text = (await nudgesOf(db, user.id)).map((row) => row.content).join("\n");
      const due = dueTimeIn("de-DE", "Europe/Berlin", at(30));
      expect(text).toContain(`Dein Vorhaben „Angebot schicken“ ist fällig am ${due} und hat sich seit`);
      expect(text).toContain("Die Frist „Steuererklärung“ endet am");
      expect(text).toContain("und wurde schon einmal verschoben.");
      expect(text).toContain("Dein neuer Bericht ist fertig.");
      expect(text).not.toMatch(/\b(Your|Deadline|is due|is ready)\b/);
    });

    it("nudges about an open deadline due within two days, saying when it was moved before", async () => {
      const { db } = handle;
      const user = await makeUser(db, { coachNudges: { maxPerDay: 5 } });
      const soon = await db.deadline.create({ data: { userId: user.id, title: "Visa form", dueAt: at(6) } });
      const moved = await db.deadline.create({
        data: { userId: user.id, title: "Tax return", dueAt: at(40), status: "EXTENDED" },
      });
      await db.deadline.create({ data: { userId: user.id, title: "Done", dueAt: at(5), status: "COMPLETED" } });
      await db.deadline.create({ data: { userId: user.id, title: "Trashed", dueAt: at(5), deletedAt: TEN } });
      await db.deadline.create({ data: { userId: user.id, title: "Next month", dueAt: at(24 * 30) } });

      await run();
      const messages = await nudgesOf(db, user.id);
      expect(messages.map((row) => (row.context as { deadlineId: string }).deadlineId).sort()).toEqual(
        [soon.id, moved.id].sort(),
      );
      const text = messages.map((row) => row.content).join("\n");
      expect(text).toContain('Deadline "Visa form" is due');
      expect(text).toContain('Deadline "Tax return" is due');
      expect(text).toContain("it has been moved once already");
      expect(text).not.toContain("Trashed");
      await run(at(1));
      expect(await nudgesOf(db, user.id)).toHaveLength(2);
    });

    it("nudges after three days without a check-in, only someone who checked in before, once per gap", async () => {
      const { db } = handle;
      const lapsed = await makeUser(db);
      await checkInOn(db, lapsed.id, at(-24 * 5));
      await checkInOn(db, lapsed.id, at(-24 * 4));
      const recent = await makeUser(db);
      await checkInOn(db, recent.id, at(-30));
      const never = await makeUser(db);

      await run();
      const [message, ...rest] = await nudgesOf(db, lapsed.id);
      expect(rest).toEqual([]);
      expect(message!.content).toMatch(/^You haven't checked in for 4 days \(the last was \w{3} \d+ \w{3}\)/);
      expect(message!.context).toMatchObject({ kind: "check-in-missed", days: 4 });
      expect(await nudgesOf(db, recent.id)).toEqual([]);
      expect(await nudgesOf(db, never.id)).toEqual([]);

      await run(at(24 * 2));
      expect(await nudgesOf(db, lapsed.id)).toHaveLength(1);
      // Back, then away again: a new gap, a new nudge.
      await checkInOn(db, lapsed.id, at(24 * 2 + 1));
      await run(at(24 * 6));
      expect(await nudgesOf(db, lapsed.id)).toHaveLength(2);
    });

    it("celebrates a check-in streak at 7 days once, and again at 14", async () => {
      const { db } = handle;
      const user = await makeUser(db, { timezone: "America/New_York" });
      // Seven local days in New York, ending today (10:00 UTC is 05:00 there; check-ins at 04:00 local).
      for (let day = 6; day >= 0; day -= 1) await checkInOn(db, user.id, at(-1 - 24 * day));
      const six = await makeUser(db);
      for (let day = 5; day >= 0; day -= 1) await checkInOn(db, six.id, at(-1 - 24 * day));

      await run();
      const [message, ...rest] = await nudgesOf(db, user.id);
      expect(rest).toEqual([]);
      expect(message!.content).toMatch(/^7 days in a row of check-ins\. /);
      expect(message!.context).toMatchObject({ kind: "streak", milestone: 7, streakDays: 7 });
      expect(await nudgesOf(db, six.id)).toEqual([]);

      await checkInOn(db, user.id, at(23));
      await run(at(24));
      expect(await nudgesOf(db, user.id)).toHaveLength(1);
      for (let day = 2; day <= 7; day += 1) await checkInOn(db, user.id, at(24 * day - 1));
      await run(at(24 * 7));
      const latest = (await nudgesOf(db, user.id)).at(-1)!;
      expect(latest.context).toMatchObject({ kind: "streak", milestone: 14, streakDays: 14 });
    });

    it("announces a new report by its title, once", async () => {
      const { db } = handle;
      const user = await makeUser(db);
      const report = await db.report.create({
        data: {
          userId: user.id,
          type: "SEVEN_DAY",
          periodStart: at(-24 * 7),
          periodEnd: at(-1),
          title: "Your 7-day report, 1 Dec–7 Dec",
          payload: {},
          createdAt: at(-1),
        },
      });
      await run();
      await run(at(1));
      const messages = await nudgesOf(db, user.id);
      expect(messages.map((row) => row.content)).toEqual([
        "Your 7-day report, 1 Dec–7 Dec is ready. Open Reports to see what changed and what to try next.",
      ]);
      expect(messages[0]!.context).toMatchObject({ kind: "report-ready", reportId: report.id });
    });

    it("waits for the working hours and leaves the quiet hours alone", async () => {
      const { db } = handle;
      // Working 12:00–18:00 UTC: at 10:00 nothing, at 12:00 the nudge.
      const worker = await makeUser(db, { timezone: "UTC", workingHours: { start: "12:00", end: "18:00" } });
      await staleCommitment(db, worker.id, "Outside hours", 30);
      // No working hours, quiet 09:00–11:00: nothing at 10:00, the nudge at 11:00.
      const quiet = await makeUser(db, {
        timezone: "UTC",
        coachNudges: { quietHours: { start: "09:00", end: "11:00" } },
      });
      await staleCommitment(db, quiet.id, "Quiet hours", 30);
      // Quiet hours wrapping midnight (22:00–06:00 in Tokyo, where 10:00 UTC is 19:00): not quiet now.
      const tokyo = await makeUser(db, {
        timezone: "Asia/Tokyo",
        coachNudges: { quietHours: { start: "22:00", end: "06:00" } },
      });
      await staleCommitment(db, tokyo.id, "Tokyo", 30);

      await run();
      expect(await nudgesOf(db, worker.id)).toEqual([]);
      expect(await nudgesOf(db, quiet.id)).toEqual([]);
      expect(await nudgesOf(db, tokyo.id)).toHaveLength(1);
      await run(at(1));
      expect(await nudgesOf(db, quiet.id)).toHaveLength(1);
      expect(await nudgesOf(db, worker.id)).toEqual([]);
      await run(at(2));
      expect(await nudgesOf(db, worker.id)).toHaveLength(1);
    });

    it("sends at most maxPerDay in 24 hours, most urgent first, and nothing when turned off", async () => {
      const { db } = handle;
      const user = await makeUser(db, { coachNudges: { maxPerDay: 1 } });
      await staleCommitment(db, user.id, "Urgent", 30);
      await db.deadline.create({ data: { userId: user.id, title: "Also soon", dueAt: at(40) } });
      await checkInOn(db, user.id, at(-24 * 4));
      const off = await makeUser(db, { coachNudges: { enabled: false } });
      await staleCommitment(db, off.id, "Never told", 30);

      await run();
      expect((await nudgesOf(db, user.id)).map((row) => (row.context as { kind: string }).kind)).toEqual([
        "commitment-at-risk",
      ]);
      await run(at(23));
      expect(await nudgesOf(db, user.id)).toHaveLength(1);
      // A day after the first, room for one more: the next most urgent.
      await run(at(24));
      expect((await nudgesOf(db, user.id)).map((row) => (row.context as { kind: string }).kind)).toEqual([
        "commitment-at-risk",
        "deadline-due",
      ]);
      expect(await nudgesOf(db, off.id)).toEqual([]);
      // The default limit is 2 a day.
      const plain = await makeUser(db);
      for (const title of ["One", "Two", "Three"]) await staleCommitment(db, plain.id, title, 30);
      await run();
      expect(await nudgesOf(db, plain.id)).toHaveLength(2);
    });

    it("goes out on the channels the user keeps on: in-app, Telegram when connected, in-app as the floor", async () => {
      const { db } = handle;
      const connect = (userId: string) =>
        db.telegramConnection.create({
          data: { userId, telegramChatId: `chat-${userId}`, isActive: true, connectedAt: TEN },
        });
      const both = await makeUser(db);
      await connect(both.id);
      const telegramOnly = await makeUser(db, { notificationPrefs: { inApp: false } });
      await connect(telegramOnly.id);
      const nowhere = await makeUser(db, { notificationPrefs: { inApp: false } });
      const appOnly = await makeUser(db, { notificationPrefs: { telegram: false } });
      await connect(appOnly.id);
      for (const user of [both, telegramOnly, nowhere, appOnly]) await staleCommitment(db, user.id, "Call Ana", 30);

      await run();
      const shape = async (userId: string) =>
        (await nudgesOf(db, userId)).map((row) => [row.channel, row.status, row.dedupeKey?.split(".").at(-1)]);
      expect(await shape(both.id)).toEqual([
        ["TELEGRAM", "PENDING", "TELEGRAM"],
        ["IN_APP", "SENT", "IN_APP"],
      ]);
      expect(await shape(telegramOnly.id)).toEqual([["TELEGRAM", "PENDING", "TELEGRAM"]]);
      expect(await shape(nowhere.id)).toEqual([["IN_APP", "SENT", "IN_APP"]]);
      expect(await shape(appOnly.id)).toEqual([["IN_APP", "SENT", "IN_APP"]]);
      // Turning Telegram on later does not send the same cause again on it.
      await db.user.update({ where: { id: appOnly.id }, data: { preferences: {} } });
      await run(at(1));
      expect(await shape(appOnly.id)).toHaveLength(1);
    });
  });
}

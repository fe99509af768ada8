import { describe, expect, it, vi } from "vitest";

import type { Db } from "@cto/db/client";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";
import { attemptMail } from "@cto/mail/messages";
import type { TMailTransport } from "@cto/mail/transport";

import { runNudges } from "../src/services/nudges/run.ts";

const HOUR = 3_600_000;
const TEN = (() => {
  const at = new Date();
  at.setUTCHours(10, 0, 0, 0);
  return at;
})();
const at = (hours: number) => new Date(TEN.getTime() + hours * HOUR);
const WEB = "https://cto.example";

const makeUser = (db: Db, preferences: object = {}, verified = true) =>
  db.user.create({
    data: {
      email: `nudge-mail-${crypto.randomUUID()}@example.com`,
      name: "Ann <b>",
      preferences,
      emailVerified: verified ? at(-100) : null,
    },
  });
const EMAIL_ON = { coachNudges: { channels: { email: true } } };

const staleCommitment = async (db: Db, userId: string, title: string, dueIn: number) => {
  const row = await db.commitment.create({ data: { userId, title, dueAt: at(dueIn) } });
  await db.$executeRaw`UPDATE commitments SET updated_at = ${at(-48)} WHERE id = ${row.id}::uuid`;
  return row;
};

const channelsOf = async (db: Db, userId: string) =>
  (await db.proactiveMessage.findMany({ where: { userId }, orderBy: { channel: "asc" } })).map((row) => row.channel);
const mailsOf = (db: Db, userId: string) =>
  db.mailMessage.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

for (const target of testTargets()) {
  describe(`reminders/nudges by email (${target.name})`, () => {
    const handle = useMigratedDatabase(target);
    const enqueue = vi.fn(async () => undefined);
    const run = (now = TEN, email: boolean = true) =>
      runNudges({
        db: handle.db,
        now,
        maxUsers: 10_000,
        ...(email ? { email: { webOrigin: WEB, queues: { enqueue } as never } } : {}),
      });

    it("writes one escaped email with one-click unsubscribe headers and queues it; sending it marks the nudge sent", async () => {
      const { db } = handle;
      const user = await makeUser(db, EMAIL_ON);
      await staleCommitment(db, user.id, `<script>alert("x")</script> & plan`, 30);
      enqueue.mockClear();

      const result = await run();
      expect(result.emails).toBeGreaterThanOrEqual(1);
      expect(await channelsOf(db, user.id)).toEqual(["IN_APP", "EMAIL"]);
      const [mail, ...more] = await mailsOf(db, user.id);
      expect(more).toEqual([]);
      const nudge = await db.proactiveMessage.findFirstOrThrow({ where: { userId: user.id, channel: "EMAIL" } });
      expect(nudge).toMatchObject({ status: "PENDING", dedupeKey: expect.stringMatching(/\.EMAIL$/) });
      expect(mail).toMatchObject({
        kind: "COACH_NUDGE",
        toAddress: user.email,
        status: "PENDING",
        proactiveMessageId: nudge.id,
      });
      expect(mail!.htmlBody).not.toContain("<script>");
      expect(mail!.htmlBody).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; plan");
      expect(mail!.htmlBody).toContain("Hi Ann &lt;b&gt;,");
      expect(mail!.textBody).toContain(`<script>alert("x")</script> & plan`);
      const headers = mail!.headers as Record<string, string>;
      const link = /^<https:\/\/cto\.example\/api\/unsubscribe\?token=(nudges\.[A-Za-z0-9_-]{43})>$/.exec(
        headers["List-Unsubscribe"] ?? "",
      );
      expect(link).not.toBeNull();
      expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      // Only the token's hash is stored; the page link in the body carries the same token.
      expect(mail!.unsubscribeToken).toMatch(/^[0-9a-f]{64}$/);
      expect(mail!.unsubscribeToken).not.toContain(link![1]!);
      expect(mail!.textBody).toContain(`${WEB}/unsubscribe?token=${link![1]}`);
      expect(enqueue).toHaveBeenCalledWith("mail", "send", { mailMessageId: mail!.id }, expect.objectContaining({}));

      const sent: unknown[] = [];
      const transport = {
        from: "Cto <no-reply@cto.example>",
        send: async (message: unknown) => void sent.push(message),
      };
      await attemptMail({ db, transport: transport as unknown as TMailTransport, id: mail!.id, final: true });
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } });
      expect(await db.proactiveMessage.findUniqueOrThrow({ where: { id: nudge.id } })).toMatchObject({
        status: "SENT",
      });
    });

    it("writes the email in the user's language: German for preferences.locale de", async () => {
      const { db } = handle;
      const user = await makeUser(db, { ...EMAIL_ON, locale: "de" });
      await staleCommitment(db, user.id, "Call Ana", 30);
      await run();
      const [mail] = await mailsOf(db, user.id);
      expect(mail!.htmlBody).toContain('<html lang="de">');
      expect(mail!.htmlBody).toContain("Hallo Ann &lt;b&gt;,");
      expect(mail!.htmlBody).toContain(">Anstöße per E-Mail abbestellen</a>");
      expect(mail!.textBody).toMatch(
        /Anstöße per E-Mail abbestellen: https:\/\/cto\.example\/unsubscribe\?token=nudges\./,
      );
    });

    it("writes no email when email is off (the default), the address is unverified, or the worker has no web origin", async () => {
      const { db } = handle;
      const byDefault = await makeUser(db);
      const off = await makeUser(db, { coachNudges: { channels: { email: false } } });
      const unverified = await makeUser(db, EMAIL_ON, false);
      const noOrigin = await makeUser(db, EMAIL_ON);
      for (const user of [byDefault, off, unverified]) await staleCommitment(db, user.id, "Call Ana", 30);
      await run();
      for (const user of [byDefault, off, unverified]) {
        expect(await channelsOf(db, user.id)).toEqual(["IN_APP"]);
        expect(await mailsOf(db, user.id)).toEqual([]);
      }
      await staleCommitment(db, noOrigin.id, "Call Ana", 30);
      await run(TEN, false);
      expect(await channelsOf(db, noOrigin.id)).toEqual(["IN_APP"]);
      expect(await mailsOf(db, noOrigin.id)).toEqual([]);
    });

    it("keeps quiet hours, the daily cap, and never emails twice about the same cause", async () => {
      const { db } = handle;
      const quiet = await makeUser(db, {
        timezone: "UTC",
        coachNudges: { channels: { email: true }, maxPerDay: 1, quietHours: { start: "09:00", end: "11:00" } },
      });
      await staleCommitment(db, quiet.id, "First", 30);
      await staleCommitment(db, quiet.id, "Second", 31);
      await run();
      expect(await mailsOf(db, quiet.id)).toEqual([]);
      await run(at(1));
      await run(at(1.25));
      await run(at(5));
      // One cause in 24 hours, on both channels, its email written once.
      expect(await channelsOf(db, quiet.id)).toEqual(["IN_APP", "EMAIL"]);
      expect((await mailsOf(db, quiet.id)).map((mail) => mail.textBody?.includes('"First"'))).toEqual([true]);
      // A day later the second cause, once.
      await run(at(25));
      await run(at(26));
      expect(await mailsOf(db, quiet.id)).toHaveLength(2);

      // A cause nudged in-app before email was turned on is not emailed afterwards.
      const later = await makeUser(db);
      await staleCommitment(db, later.id, "Old news", 30);
      await run();
      await db.user.update({ where: { id: later.id }, data: { preferences: EMAIL_ON } });
      await run(at(1));
      expect(await mailsOf(db, later.id)).toEqual([]);
    });

    it("lets email alone carry a nudge when in-app is off, and keeps in-app as the floor when email cannot", async () => {
      const { db } = handle;
      const emailOnly = await makeUser(db, { coachNudges: { channels: { inApp: false, email: true } } });
      const floor = await makeUser(db, { coachNudges: { channels: { inApp: false, email: true } } }, false);
      for (const user of [emailOnly, floor]) await staleCommitment(db, user.id, "Call Ana", 30);
      await run();
      expect(await channelsOf(db, emailOnly.id)).toEqual(["EMAIL"]);
      expect(await mailsOf(db, emailOnly.id)).toHaveLength(1);
      expect(await channelsOf(db, floor.id)).toEqual(["IN_APP"]);
    });
  });
}

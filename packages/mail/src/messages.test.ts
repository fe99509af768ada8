import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { testTargets, useMigratedDatabase } from "@cto/db/testing";

import { createOutboxMailer } from "./dev-outbox.ts";
import { attemptMail, deleteFinishedMail, MAIL_CLAIM_MS, messageIdFor, recordMail, unsentMailIds } from "./messages.ts";
import { createSmtpTransport } from "./smtp.ts";
import { startTestSmtpServer, type TTestSmtpServer } from "./smtp-server.test-helper.ts";
import { renderMail } from "./templates.ts";

const FROM = "Cto <hello@cto.example>";

for (const target of testTargets()) {
  describe(`mail messages (${target.name})`, () => {
    const handle = useMigratedDatabase(target);
    let server: TTestSmtpServer;
    let count = 0;
    beforeAll(async () => {
      server = await startTestSmtpServer();
    });
    afterAll(async () => server?.close());

    const transport = () => createSmtpTransport({ url: server.url, from: FROM });
    const newMail = async (overrides: { claimedUntil?: Date } = {}) => {
      const user = await handle.db.user.create({
        data: { email: `mail-${target.name}-${count++}-${Date.now()}@example.com`, name: "Ann" },
      });
      const mail = renderMail({
        kind: "PASSWORD_RESET",
        name: user.name,
        link: `https://cto.example/reset-password?token=t${count}`,
      });
      const row = await recordMail(handle.db, {
        userId: user.id,
        kind: "PASSWORD_RESET",
        to: user.email,
        mail,
        ...overrides,
      });
      return { user, id: row.id, mail };
    };
    const rowOf = (id: string) => handle.db.mailMessage.findUniqueOrThrow({ where: { id } });

    it("sends a message once: SENT, its stable Message-ID, its bodies dropped; a second attempt sends nothing", async () => {
      const { id, user } = await newMail();
      const before = server.received.length;
      expect(await attemptMail({ db: handle.db, transport: transport(), id, final: false })).toMatchObject({
        outcome: "sent",
        messageId: messageIdFor(id, FROM),
        attempts: 1,
      });
      const row = await rowOf(id);
      expect(row).toMatchObject({
        status: "SENT",
        attempts: 1,
        textBody: null,
        htmlBody: null,
        claimedUntil: null,
        messageId: `<${id}@cto.example>`,
      });
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(
        await attemptMail({ db: handle.db, transport: transport(), id, final: false, includeFailed: true }),
      ).toEqual({ outcome: "skipped", reason: "already sent" });
      expect(server.received.length).toBe(before + 1);
      expect(server.received.at(-1)!.envelope.to).toEqual([user.email]);
    });

    it("a refused attempt keeps the message PENDING with its bodies and the server's answer; the last one marks it FAILED, still whole", async () => {
      const { id } = await newMail();
      server.refuse(2, 550);
      const first = await attemptMail({ db: handle.db, transport: transport(), id, final: false });
      expect(first).toMatchObject({ outcome: "failed", final: false, attempts: 1 });
      expect(await rowOf(id)).toMatchObject({
        status: "PENDING",
        attempts: 1,
        claimedUntil: null,
        lastError: expect.stringContaining("550"),
      });
      const last = await attemptMail({ db: handle.db, transport: transport(), id, final: true });
      expect(last).toMatchObject({ outcome: "failed", final: true, attempts: 2 });
      const failed = await rowOf(id);
      expect(failed).toMatchObject({
        status: "FAILED",
        attempts: 2,
        textBody: expect.stringContaining("token=t"),
        htmlBody: expect.stringContaining("token=t"),
      });
      expect(failed.failedAt).toBeInstanceOf(Date);
      // Nothing but a deliberate retry (a retried job) takes a failed message.
      expect(await attemptMail({ db: handle.db, transport: transport(), id, final: false })).toEqual({
        outcome: "skipped",
        reason: "failed for good",
      });
      expect(
        await attemptMail({ db: handle.db, transport: transport(), id, final: false, includeFailed: true }),
      ).toMatchObject({ outcome: "sent", attempts: 3 });
    });

    it("a message another sender holds is left alone until its claim runs out, except by the holder", async () => {
      const heldUntil = new Date(Date.now() + 60_000);
      const { id } = await newMail({ claimedUntil: heldUntil });
      expect(await attemptMail({ db: handle.db, transport: transport(), id, final: false })).toEqual({
        outcome: "busy",
        until: heldUntil,
      });
      expect(await unsentMailIds(handle.db, { olderThanMs: 0, limit: 100 })).not.toContain(id);
      expect(
        await unsentMailIds(handle.db, { now: new Date(Date.now() + 61_000), olderThanMs: 0, limit: 100 }),
      ).toContain(id);
      expect(await attemptMail({ db: handle.db, transport: transport(), id, final: false, heldUntil })).toMatchObject({
        outcome: "sent",
      });
    });

    it("a failed attempt may keep holding the message until its next one", async () => {
      const { id } = await newMail();
      server.refuse(1);
      const holdUntil = new Date(Date.now() + 30_000);
      await attemptMail({ db: handle.db, transport: transport(), id, final: false, holdUntil });
      expect((await rowOf(id)).claimedUntil).toEqual(holdUntil);
      expect(await attemptMail({ db: handle.db, transport: transport(), id, final: false })).toMatchObject({
        outcome: "busy",
      });
      expect(
        await attemptMail({ db: handle.db, transport: transport(), id, final: false, heldUntil: holdUntil }),
      ).toMatchObject({ outcome: "sent" });
    });

    it("two senders at once: exactly one sends", async () => {
      const { id } = await newMail();
      const before = server.received.length;
      const outcomes = await Promise.all(
        Array.from({ length: 4 }, () => attemptMail({ db: handle.db, transport: transport(), id, final: false })),
      );
      expect(outcomes.filter((outcome) => outcome.outcome === "sent")).toHaveLength(1);
      expect(
        outcomes
          .filter((outcome) => outcome.outcome !== "sent")
          .every((outcome) => outcome.outcome === "busy" || outcome.outcome === "skipped"),
      ).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(server.received.length).toBe(before + 1);
    });

    it("the sweep sees unsent, unclaimed messages older than its delay; clean-up removes only old finished ones", async () => {
      const { id } = await newMail();
      expect(await unsentMailIds(handle.db, { olderThanMs: 60_000, limit: 100 })).not.toContain(id);
      expect(
        await unsentMailIds(handle.db, { now: new Date(Date.now() + 61_000), olderThanMs: 60_000, limit: 100 }),
      ).toContain(id);
      await attemptMail({ db: handle.db, transport: transport(), id, final: false });
      const pending = await newMail();
      const removed = await deleteFinishedMail(handle.db, { before: new Date(Date.now() + 1_000) });
      expect(removed).toBeGreaterThanOrEqual(1);
      expect(await handle.db.mailMessage.findUnique({ where: { id } })).toBeNull();
      expect(await handle.db.mailMessage.findUnique({ where: { id: pending.id } })).not.toBeNull();
    });

    it("the database refuses an unsent message without its bodies", async () => {
      const { id } = await newMail();
      await expect(handle.db.mailMessage.update({ where: { id }, data: { textBody: null } })).rejects.toThrow(
        /mail_messages_unsent_body_check/,
      );
      await expect(handle.db.mailMessage.update({ where: { id }, data: { status: "SENT" } })).rejects.toThrow(
        /mail_messages_sent_at_check/,
      );
    });

    it("a deleted user's messages go with them, and an attempt then finds nothing", async () => {
      const { id, user } = await newMail();
      await handle.db.user.delete({ where: { id: user.id } });
      expect(await attemptMail({ db: handle.db, transport: transport(), id, final: false })).toEqual({
        outcome: "skipped",
        reason: "missing",
      });
    });

    it("the development outbox records the same message, and lists every send started before it", async () => {
      const { id } = await newMail();
      const outbox = createOutboxMailer(
        `${process.env.TMPDIR ?? "/tmp"}/cto-mail-test-${target.name}-${Date.now()}`,
        FROM,
      );
      expect(await attemptMail({ db: handle.db, transport: outbox, id, final: false })).toMatchObject({
        outcome: "sent",
      });
      const [stored] = await outbox.list();
      expect(stored).toMatchObject({
        from: FROM,
        subject: "Reset your Cto password",
        messageId: `<${id}@cto.example>`,
      });
      expect(stored!.html).toContain("token=t");
      expect(MAIL_CLAIM_MS).toBeGreaterThan(60_000);
    });
  });
}

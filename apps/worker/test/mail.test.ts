import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { mailSendJobId } from "@cto/contracts/queues";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";
import { recordMail } from "@cto/mail/messages";
import { createSmtpTransport } from "@cto/mail/smtp";
import { startTestSmtpServer, unreachableSmtpUrl, type TTestSmtpServer } from "@cto/mail/testing";
import { renderMail } from "@cto/mail/templates";
import type { TMailTransport } from "@cto/mail/transport";

import { QUEUE_JOB_OPTIONS } from "@cto/queue/job-options";

import { processMailSend } from "../src/jobs/mail.send.ts";
import { processMailSweep } from "../src/jobs/mail.sweep.ts";
import { register } from "../src/jobs/processor.ts";
import { MAIL_KEPT_MS, cleanupExpired } from "../src/services/maintenance/cleanup.ts";
import { startRuntime, type TRuntime } from "../src/runtime.ts";
import { createTestDeps, memoryLogger, REDIS_URL, testPrefix, waitFor } from "./deps.ts";

const FROM = "Cto <hello@cto.example>";
// Three attempts 100 ms apart and doubling, instead of MAIL_RETRY's twenty minutes.
const QUICK = { attempts: 3, backoff: { type: "exponential", delay: 100 } };

for (const target of testTargets()) {
  describe(`mail jobs through BullMQ and a real SMTP server (${target.name})`, () => {
    const handle = useMigratedDatabase(target);
    const prefix = testPrefix(`mail-${target.name}`);
    const memory = memoryLogger();
    let smtp: TTestSmtpServer;
    let runtime: TRuntime;
    let harness: ReturnType<typeof createTestDeps>;
    // The transport the worker uses; a test points it at a server that is down.
    let transport: TMailTransport;
    const switchable: TMailTransport = {
      kind: "smtp",
      from: FROM,
      send: (mail) => transport.send(mail),
      close: async () => undefined,
    };
    let count = 0;

    beforeAll(async () => {
      smtp = await startTestSmtpServer();
      transport = createSmtpTransport({ url: smtp.url, from: FROM });
      harness = createTestDeps({ prefix, db: handle.db, log: memory.log, mail: switchable });
      const registry = [register("mail", "send", processMailSend), register("mail", "sweep", processMailSweep)];
      runtime = startRuntime({
        deps: harness.deps,
        redis: REDIS_URL,
        prefix,
        registry,
        concurrency: 4,
        lockDuration: 5_000,
        stalledInterval: 5_000,
      });
    });
    afterAll(async () => {
      await runtime?.close();
      await harness?.close(["mail"]);
      await smtp?.close();
    });

    const newMail = async (claimedUntil?: Date) => {
      const user = await handle.db.user.create({
        data: { email: `worker-mail-${target.name}-${count++}-${Date.now()}@example.com`, name: "Ann" },
      });
      const mail = renderMail({
        kind: "PASSWORD_RESET",
        name: user.name,
        link: `https://cto.example/reset-password?token=w${count}`,
      });
      const row = await recordMail(handle.db, {
        userId: user.id,
        kind: "PASSWORD_RESET",
        to: user.email,
        mail,
        ...(claimedUntil ? { claimedUntil } : {}),
      });
      return { id: row.id, to: user.email };
    };
    const enqueue = (id: string, options: object = {}) =>
      harness.queues.enqueue("mail", "send", { mailMessageId: id }, { jobId: mailSendJobId(id), ...options });
    const rowOf = (id: string) => handle.db.mailMessage.findUniqueOrThrow({ where: { id } });
    const jobOf = (id: string) => harness.queues.queue("mail").getJob(mailSendJobId(id));
    const receivedBy = (to: string) => smtp.received.filter((mail) => mail.envelope.to.includes(to));

    it("the mail queue retries about twenty minutes with exponential backoff", () => {
      expect(QUEUE_JOB_OPTIONS.mail).toEqual({ attempts: 8, backoff: { type: "exponential", delay: 5_000 } });
    });

    it("a queued email arrives once, and its row says SENT without its bodies", async () => {
      const { id, to } = await newMail();
      await enqueue(id);
      const row = await waitFor(
        () => rowOf(id),
        (value) => value.status === "SENT",
      );
      expect(row).toMatchObject({ status: "SENT", attempts: 1, textBody: null, htmlBody: null });
      expect(receivedBy(to)).toHaveLength(1);
      expect(receivedBy(to)[0]!.parsed.subject).toBe("Reset your Cto password");
      expect(
        (
          await waitFor(
            () => jobOf(id),
            (job) => Boolean(job?.finishedOn),
          )
        )?.returnvalue,
      ).toMatchObject({ outcome: "sent" });
    });

    it("a refusing server (550): retried with backoff, then the job fails, the row is FAILED and whole, and it is reported; retrying the job sends it", async () => {
      const { id, to } = await newMail();
      smtp.refuse(QUICK.attempts);
      const started = Date.now();
      await enqueue(id, QUICK);
      const job = await waitFor(
        () => jobOf(id),
        (value) => Boolean(value?.finishedOn),
        15_000,
      );
      expect(await job!.getState()).toBe("failed");
      expect(job!.attemptsMade).toBe(3);
      expect(job!.failedReason).toContain("550");
      // Backoff: at least 100 + 200 ms between the three attempts.
      expect(job!.finishedOn! - started).toBeGreaterThanOrEqual(300);
      const row = await rowOf(id);
      expect(row).toMatchObject({ status: "FAILED", attempts: 3, lastError: expect.stringContaining("550") });
      expect(row.textBody).toContain("token=w");
      expect(receivedBy(to)).toHaveLength(0);
      const report = memory.lines.find((line) => line.mailMessageId === id && line.level === "error");
      expect(report).toMatchObject({ msg: expect.stringContaining("kept as FAILED") });
      // Bull Board's "retry": the same job runs again and the message goes.
      await job!.retry("failed");
      expect(
        (
          await waitFor(
            () => rowOf(id),
            (value) => value.status === "SENT",
          )
        ).status,
      ).toBe("SENT");
      expect(receivedBy(to)).toHaveLength(1);
    });

    it("a server that is down: retried, then FAILED with the message kept", async () => {
      transport = createSmtpTransport({ url: await unreachableSmtpUrl(), from: FROM });
      try {
        const { id } = await newMail();
        const started = Date.now();
        await enqueue(id, QUICK);
        const job = await waitFor(
          () => jobOf(id),
          (value) => Boolean(value?.finishedOn),
          15_000,
        );
        expect(await job!.getState()).toBe("failed");
        expect(job!.attemptsMade).toBe(3);
        expect(Date.now() - started).toBeGreaterThanOrEqual(300);
        expect(await rowOf(id)).toMatchObject({
          status: "FAILED",
          attempts: 3,
          lastError: expect.stringContaining("ECONNREFUSED"),
        });
      } finally {
        transport = createSmtpTransport({ url: smtp.url, from: FROM });
      }
    });

    it("a message the API is sending itself waits for its claim, then is not sent twice", async () => {
      const { id, to } = await newMail(new Date(Date.now() + 1_000));
      await enqueue(id);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await (await jobOf(id))!.getState()).toBe("delayed");
      expect(
        (
          await waitFor(
            () => rowOf(id),
            (value) => value.status === "SENT",
            10_000,
          )
        ).status,
      ).toBe("SENT");
      expect(receivedBy(to)).toHaveLength(1);
    });

    it("the sweep queues messages nobody sent (the API wrote them without Redis and stopped), once each", async () => {
      const { id, to } = await newMail();
      const fresh = await newMail();
      await handle.db.mailMessage.update({ where: { id }, data: { createdAt: new Date(Date.now() - 5 * 60_000) } });
      for (let i = 0; i < 2; i++) {
        const sweep = await harness.queues.enqueue("mail", "sweep", {});
        await waitFor(
          () => harness.queues.queue("mail").getJob(sweep.id),
          (job) => Boolean(job?.finishedOn),
        );
      }
      expect(
        (
          await waitFor(
            () => rowOf(id),
            (value) => value.status === "SENT",
          )
        ).status,
      ).toBe("SENT");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(receivedBy(to)).toHaveLength(1);
      // Written a moment ago: its own job (or its API) has it; the sweep leaves it alone.
      expect((await rowOf(fresh.id)).status).toBe("PENDING");
      expect(await jobOf(fresh.id)).toBeUndefined();
    });

    it("the hourly clean-up removes sent and failed emails after the retention, never unsent ones", async () => {
      const old = new Date(Date.now() - MAIL_KEPT_MS - 60_000);
      const [sent, failed, pending] = [await newMail(), await newMail(), await newMail()];
      await handle.db.mailMessage.update({
        where: { id: sent.id },
        data: { status: "SENT", sentAt: old, textBody: null, htmlBody: null },
      });
      await handle.db.mailMessage.update({ where: { id: failed.id }, data: { status: "FAILED", failedAt: old } });
      // updatedAt moves with every update; age them afterwards as the owner would see them.
      await handle.owner
        .$executeRaw`UPDATE mail_messages SET updated_at = ${old} WHERE id IN (${sent.id}::uuid, ${failed.id}::uuid, ${pending.id}::uuid)`;
      const counts = await cleanupExpired({ db: handle.db });
      expect(counts.mailMessages).toBeGreaterThanOrEqual(2);
      expect(await handle.db.mailMessage.findUnique({ where: { id: sent.id } })).toBeNull();
      expect(await handle.db.mailMessage.findUnique({ where: { id: failed.id } })).toBeNull();
      expect(await handle.db.mailMessage.findUnique({ where: { id: pending.id } })).not.toBeNull();
    });
  });
}

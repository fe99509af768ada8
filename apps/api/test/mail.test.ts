import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { mailSendJobId } from "@cto/contracts/queues";
import { testTargets } from "@cto/db/testing";
import { createLogger } from "@cto/log/logger";
import { createSmtpTransport } from "@cto/mail/smtp";
import { startTestSmtpServer, unreachableSmtpUrl, type TTestSmtpServer } from "@cto/mail/testing";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues } from "@cto/queue/queues";

import { createApp } from "../src/app.ts";
import { signUp, visitor } from "./support/api.ts";
import { startApi, WEB_ORIGIN, type Harness } from "./harness.ts";

const FROM = "Cto <hello@cto.example>";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
// Three quick attempts, so the failure paths finish within a test.
const QUICK_RETRY = { attempts: 3, delayMs: 50 };

const linkIn = (text: string, path: string) =>
  new RegExp(`${WEB_ORIGIN.replace(/[.]/g, "\\.")}${path}\\?token=([A-Za-z0-9_-]{43})`).exec(text)?.[1];

/** Log lines in memory, to check what a final failure reports. */
const memoryLog = () => {
  const lines: Array<Record<string, unknown>> = [];
  return {
    lines,
    logger: createLogger({
      name: "api-test",
      level: "info",
      destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
    }),
  };
};

for (const target of testTargets()) {
  describe(`email through a real SMTP server (${target.name})`, () => {
    let harness: Harness;
    let smtp: TTestSmtpServer;
    const memory = memoryLog();
    /** The harness's database and config, with this test's transport, queues and log. */
    const api = (dependencies: Partial<Parameters<typeof createApp>[0]>, mailRetry = QUICK_RETRY) =>
      ({
        ...harness,
        app: createApp({
          db: harness.db,
          config: { ...harness.config, mailRetry, queueTimeoutMs: 300 },
          ai: harness.ai,
          logger: memory.logger,
          ...dependencies,
        }),
      }) as Harness;
    const smtpApi = (url = smtp.url) => api({ mailer: createSmtpTransport({ url, from: FROM }) });
    const mailRows = (to: string) =>
      harness.db.mailMessage.findMany({ where: { toAddress: to }, orderBy: { createdAt: "asc" } });
    const settle = async (to: string, status: string, count = 1, ms = 15_000) => {
      const until = Date.now() + ms;
      let rows = await mailRows(to);
      while (rows.filter((row) => row.status === status).length < count && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        rows = await mailRows(to);
      }
      return rows;
    };
    const receivedBy = (to: string) => smtp.received.filter((mail) => mail.envelope.to.includes(to));

    beforeAll(async () => {
      harness = await startApi({}, {}, target);
      smtp = await startTestSmtpServer();
    });
    afterAll(async () => {
      await smtp?.close();
      await harness?.close();
    });

    it("sign-up mails a verification link to WEB_ORIGIN that verifies the address, with the name escaped in the HTML", async () => {
      const app = smtpApi();
      const client = visitor(app);
      const email = `verify-${target.name}-${Date.now()}@example.com`;
      const name = `<b>Ann</b> & "Co"`;
      expect(
        (await client.request("POST", "/auth/sign-up", { email, password: "correct horse battery", name })).status,
      ).toBe(201);
      await settle(email, "SENT");
      const [mail] = receivedBy(email);
      expect(mail!.envelope).toEqual({ from: "hello@cto.example", to: [email] });
      expect(mail!.parsed.from?.text).toBe('"Cto" <hello@cto.example>');
      expect(mail!.parsed.subject).toBe("Verify your email for Cto");
      expect(mail!.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@cto\.example>$/);
      expect(mail!.parsed.html).toContain("&lt;b&gt;Ann&lt;/b&gt; &amp; &quot;Co&quot;");
      expect(mail!.parsed.html).not.toContain("<b>Ann</b>");
      expect(mail!.parsed.text).toContain(`Hi ${name},`);
      const token = linkIn(mail!.parsed.text!, "/verify-email");
      expect(token).toBeDefined();
      expect(mail!.parsed.html).toContain(`href="${WEB_ORIGIN}/verify-email?token=${token}"`);
      // Not a notification: no List-Unsubscribe on an account email.
      expect(mail!.raw).not.toMatch(/^List-Unsubscribe:/im);
      expect((await visitor(app).request("POST", "/auth/verify-email", { token })).status).toBe(204);
      expect((await client.request("GET", "/auth/session")).body.user.emailVerified).toEqual(expect.any(Number));
      const [row] = await mailRows(email);
      expect(row).toMatchObject({
        kind: "VERIFY_EMAIL",
        status: "SENT",
        attempts: 1,
        textBody: null,
        htmlBody: null,
        messageId: mail!.parsed.messageId,
      });
    });

    it("a password reset mails a link to WEB_ORIGIN that resets the password", async () => {
      const app = smtpApi();
      const user = await signUp(app, "reset-mail");
      await settle(user.email, "SENT");
      expect((await visitor(app).request("POST", "/auth/password-reset", { email: user.email })).status).toBe(202);
      await settle(user.email, "SENT", 2);
      const mail = receivedBy(user.email).find((item) => item.parsed.subject === "Reset your Cto password");
      expect(mail!.parsed.to && "text" in mail!.parsed.to ? mail!.parsed.to.text : null).toBe(user.email);
      const token = linkIn(mail!.parsed.text!, "/reset-password")!;
      expect(mail!.parsed.html).toContain(`href="${WEB_ORIGIN}/reset-password?token=${token}"`);
      expect(
        (
          await visitor(app).request("POST", "/auth/password-reset/confirm", {
            token,
            password: "a brand new passphrase",
          })
        ).status,
      ).toBe(204);
      expect(
        (await visitor(app).request("POST", "/auth/sign-in", { email: user.email, password: "a brand new passphrase" }))
          .status,
      ).toBe(200);
    });

    it("a password reset is written in the account's language: German for preferences.locale de, English when unset", async () => {
      const app = smtpApi();
      const german = await signUp(app, "reset-de");
      const english = await signUp(app, "reset-en");
      expect((await german.request("PATCH", "/me", { preferences: { locale: "de" } })).status).toBe(200);
      for (const user of [german, english])
        expect((await visitor(app).request("POST", "/auth/password-reset", { email: user.email })).status).toBe(202);
      const [germanRows, englishRows] = await Promise.all([
        settle(german.email, "SENT", 2),
        settle(english.email, "SENT", 2),
      ]);
      const germanReset = germanRows.find((row) => row.kind === "PASSWORD_RESET")!;
      expect(germanReset.status).toBe("SENT");
      const germanMail = receivedBy(german.email).find(
        (item) => item.parsed.subject === "Setze dein Cto-Passwort zurück",
      );
      expect(germanMail!.parsed.text).toContain("Hallo reset-de,");
      expect(germanMail!.parsed.html).toContain('<html lang="de">');
      const token = linkIn(germanMail!.parsed.text!, "/reset-password")!;
      expect(germanMail!.parsed.html).toContain(`href="${WEB_ORIGIN}/reset-password?token=${token}"`);
      expect(englishRows.find((row) => row.kind === "PASSWORD_RESET")!.status).toBe("SENT");
      const englishMail = receivedBy(english.email).find((item) => item.parsed.subject === "Reset your Cto password");
      expect(englishMail!.parsed.text).toContain("Hi reset-en,");
      expect(englishMail!.parsed.html).toContain('<html lang="en">');
    });

    it("an account with no language chosen gets its emails in the language its browser asks for (Accept-Language)", async () => {
      const app = smtpApi();
      const signUpAsking = async (label: string, acceptLanguage: string) => {
        const email = `lang-${label}-${target.name}-${Date.now()}@example.com`;
        const client = visitor(app);
        const response = await client.request(
          "POST",
          "/auth/sign-up",
          { email, password: "correct horse battery", name: label },
          { "accept-language": acceptLanguage },
        );
        expect(response.status).toBe(201);
        await settle(email, "SENT");
        return { email, client, subject: receivedBy(email)[0]!.parsed.subject };
      };
      // A regional variant reads as its language; weights decide; a language the emails are not written in is skipped.
      expect((await signUpAsking("de-at", "de-AT, de;q=0.9, en;q=0.5")).subject).toBe(
        "Bestätige deine E-Mail-Adresse für Cto",
      );
      expect((await signUpAsking("weights", "en;q=0.2, de;q=0.8")).subject).toBe(
        "Bestätige deine E-Mail-Adresse für Cto",
      );
      expect((await signUpAsking("french", "fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7")).subject).toBe(
        "Verify your email for Cto",
      );
      expect((await signUpAsking("refused", "de;q=0, fr")).subject).toBe("Verify your email for Cto");
      expect((await signUpAsking("garbage", `;;=,${"x".repeat(4_000)}, *`)).subject).toBe("Verify your email for Cto");

      // A language the account chose wins over the browser's, for a reset asked from a German browser too.
      const chosen = await signUpAsking("chosen", "de");
      expect((await chosen.client.request("PATCH", "/me", { preferences: { locale: "en" } })).status).toBe(200);
      expect(
        (
          await visitor(app).request(
            "POST",
            "/auth/password-reset",
            { email: chosen.email },
            { "accept-language": "de" },
          )
        ).status,
      ).toBe(202);
      await settle(chosen.email, "SENT", 2);
      expect(receivedBy(chosen.email).map((mail) => mail.parsed.subject)).toEqual([
        "Bestätige deine E-Mail-Adresse für Cto",
        "Reset your Cto password",
      ]);
    });

    it("a refusing server (550) is retried with backoff, then the email is FAILED, kept whole and reported", async () => {
      const app = smtpApi();
      const user = await signUp(app, "refused");
      await settle(user.email, "SENT");
      const delivered = receivedBy(user.email).length;
      smtp.refuse(QUICK_RETRY.attempts);
      expect((await visitor(app).request("POST", "/auth/password-reset", { email: user.email })).status).toBe(202);
      const rows = await settle(user.email, "FAILED");
      const failed = rows.find((row) => row.kind === "PASSWORD_RESET")!;
      expect(failed).toMatchObject({ status: "FAILED", attempts: 3, lastError: expect.stringContaining("550") });
      expect(failed.textBody).toContain(`${WEB_ORIGIN}/reset-password?token=`);
      expect(failed.htmlBody).toContain(`${WEB_ORIGIN}/reset-password?token=`);
      expect(receivedBy(user.email)).toHaveLength(delivered);
      const report = memory.lines.find((line) => line.mailMessageId === failed.id && line.level === "error");
      expect(report).toMatchObject({ msg: expect.stringContaining("kept as FAILED"), attempts: 3 });
      // Two retries in between, each after its backoff.
      expect(memory.lines.filter((line) => line.mailMessageId === failed.id && line.level === "warn")).toHaveLength(2);
    });

    it("a refusal, then acceptance: sent on the second attempt, once", async () => {
      const app = smtpApi();
      const user = await signUp(app, "second-try");
      await settle(user.email, "SENT");
      smtp.refuse(1);
      await visitor(app).request("POST", "/auth/password-reset", { email: user.email });
      const rows = await settle(user.email, "SENT", 2);
      expect(rows.find((row) => row.kind === "PASSWORD_RESET")).toMatchObject({
        status: "SENT",
        attempts: 2,
        lastError: null,
      });
      expect(receivedBy(user.email).filter((mail) => mail.parsed.subject === "Reset your Cto password")).toHaveLength(
        1,
      );
    });

    it("a server that is down (connection refused) is retried, then FAILED with the message kept", async () => {
      const app = smtpApi(await unreachableSmtpUrl());
      const client = visitor(app);
      const email = `down-${target.name}-${Date.now()}@example.com`;
      expect((await client.request("POST", "/auth/sign-up", { email, password: "correct horse battery" })).status).toBe(
        201,
      );
      const [row] = await settle(email, "FAILED");
      expect(row).toMatchObject({
        kind: "VERIFY_EMAIL",
        status: "FAILED",
        attempts: 3,
        lastError: expect.stringContaining("ECONNREFUSED"),
        claimedUntil: null,
      });
      expect(row!.textBody).toContain("/verify-email?token=");
    });

    it("the request answers while a slow server still holds the email, which arrives afterwards", async () => {
      const app = smtpApi();
      const user = await signUp(app, "slow");
      await settle(user.email, "SENT");
      smtp.delay(4_000);
      try {
        const started = Date.now();
        expect((await visitor(app).request("POST", "/auth/password-reset", { email: user.email })).status).toBe(202);
        expect(Date.now() - started).toBeLessThan(2_500);
        expect((await mailRows(user.email)).find((row) => row.kind === "PASSWORD_RESET")?.status).toBe("PENDING");
        const rows = await settle(user.email, "SENT", 2, 20_000);
        expect(rows.every((row) => row.status === "SENT")).toBe(true);
      } finally {
        smtp.delay(0);
      }
    });

    it("with Redis, the request only queues the email (one job per message), whatever the mail server does", async () => {
      const prefix = `cto-test-api-mail-${process.pid}-${Date.now()}`;
      const connection = createProducerConnection(REDIS_URL);
      const queues = createQueues({ connection, prefix });
      try {
        smtp.delay(4_000);
        const app = api({ mailer: createSmtpTransport({ url: smtp.url, from: FROM }), queues });
        const before = smtp.connections;
        const user = await signUp(app, "queued");
        const [row] = await mailRows(user.email);
        expect(row).toMatchObject({ status: "PENDING", claimedUntil: null, attempts: 0 });
        const job = await queues.queue("mail").getJob(mailSendJobId(row!.id));
        expect(job?.name).toBe("send");
        expect(job?.data).toEqual({ mailMessageId: row!.id });
        expect(job?.opts).toMatchObject({ attempts: 8, backoff: { type: "exponential", delay: 5_000 } });
        // The job carries no address or body: those stay in the database.
        expect(JSON.stringify(job?.data)).not.toContain("@");
        expect(smtp.connections).toBe(before);
      } finally {
        smtp.delay(0);
        await queues.queue("mail").obliterate({ force: true });
        await queues.close();
        connection.disconnect();
      }
    });

    it("with Redis configured but unreachable, the API sends the email itself", async () => {
      const dead = createProducerConnection("redis://127.0.0.1:1", { retryStrategy: () => null, lazyConnect: true });
      dead.on("error", () => undefined);
      const deadQueues = createQueues({ connection: dead, prefix: "cto-test-dead" });
      deadQueues.queue("mail").on("error", () => undefined);
      try {
        const app = api({ mailer: createSmtpTransport({ url: smtp.url, from: FROM }), queues: deadQueues });
        const user = await signUp(app, "no-redis");
        const [row] = await settle(user.email, "SENT");
        expect(row).toMatchObject({ status: "SENT", attempts: 1 });
        expect(receivedBy(user.email)).toHaveLength(1);
      } finally {
        await deadQueues.close();
        dead.disconnect();
      }
    });
  });
}

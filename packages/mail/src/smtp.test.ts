import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createSmtpTransport } from "./smtp.ts";
import { startTestSmtpServer, unreachableSmtpUrl, type TTestSmtpServer } from "./smtp-server.test-helper.ts";

const MAIL = {
  to: "ann@example.com",
  subject: "Grüße: your reset link",
  text: "Open https://cto.example/reset-password?token=abc",
  html: '<p>Open <a href="https://cto.example/reset-password?token=abc">this</a></p>',
  headers: { "List-Unsubscribe": "<https://cto.example/unsubscribe?token=u>" },
  messageId: "<1234@cto.example>",
};

describe("SMTP transport against a real SMTP server", () => {
  let server: TTestSmtpServer;
  beforeAll(async () => {
    server = await startTestSmtpServer();
  });
  afterAll(async () => server?.close());

  it("delivers From, To, Subject, Message-ID, extra headers, and both bodies", async () => {
    const transport = createSmtpTransport({ url: server.url, from: "Cto <hello@cto.example>" });
    const { messageId } = await transport.send(MAIL);
    expect(messageId).toBe("<1234@cto.example>");
    const [mail] = await server.waitForMessages(1);
    expect(mail!.envelope).toEqual({ from: "hello@cto.example", to: ["ann@example.com"] });
    expect(mail!.parsed.from?.text).toBe('"Cto" <hello@cto.example>');
    expect(mail!.parsed.to && "text" in mail!.parsed.to ? mail!.parsed.to.text : null).toBe("ann@example.com");
    expect(mail!.parsed.subject).toBe("Grüße: your reset link");
    expect(mail!.parsed.messageId).toBe("<1234@cto.example>");
    expect(mail!.raw).toMatch(/^List-Unsubscribe: <https:\/\/cto\.example\/unsubscribe\?token=u>\r?$/m);
    expect(mail!.parsed.text?.trim()).toBe(MAIL.text);
    expect(mail!.parsed.html).toBe(MAIL.html);
    await transport.close();
  });

  it("a refusing server's 550 reaches the caller as an error with its response code", async () => {
    const transport = createSmtpTransport({ url: server.url, from: "hello@cto.example" });
    server.refuse(1, 550);
    await expect(transport.send(MAIL)).rejects.toMatchObject({ responseCode: 550 });
    await transport.close();
  });

  it("a server that is down fails at once (connection refused), and a silent one within the timeout", async () => {
    const down = createSmtpTransport({ url: await unreachableSmtpUrl(), from: "hello@cto.example" });
    await expect(down.send(MAIL)).rejects.toThrow(/ECONNREFUSED/);
    const before = server.received.length;
    server.delay(2_000);
    const slow = createSmtpTransport({ url: server.url, from: "hello@cto.example", timeouts: { socketTimeout: 300 } });
    const started = Date.now();
    await expect(slow.send(MAIL)).rejects.toMatchObject({ code: "ETIMEDOUT" });
    expect(Date.now() - started).toBeLessThan(1_900);
    server.delay(0);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    // The server finished reading the message the client gave up on; nothing else arrived.
    expect(server.received.length).toBeLessThanOrEqual(before + 1);
  });
});

import { once } from "node:events";
import net from "node:net";

import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type TReceivedMail = { envelope: { from: string; to: string[] }; parsed: ParsedMail; raw: string };

export type TTestSmtpServer = {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  received: TReceivedMail[];
  /** Answer the next `times` messages' recipients with `code` (550 by default: mailbox unavailable). */
  refuse: (times: number, code?: number) => void;
  /** Hold every message this long before accepting it (a slow server). */
  delay: (ms: number) => void;
  /** Resolves once `count` messages have arrived (or rejects after `ms`). */
  waitForMessages: (count: number, ms?: number) => Promise<TReceivedMail[]>;
  /** Connections attempted so far, refused ones included. */
  readonly connections: number;
  close: () => Promise<void>;
};

/**
 * A real SMTP server (the `smtp-server` package, by nodemailer's author) on a loopback port, for tests:
 * no TLS, no authentication, every accepted message parsed with `mailparser` for assertions.
 */
export const startTestSmtpServer = async (): Promise<TTestSmtpServer> => {
  const received: TReceivedMail[] = [];
  let refusals: Array<number> = [];
  let delayMs = 0;
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onConnect: (_session, callback) => {
      connections += 1;
      callback();
    },
    onRcptTo: (_address, _session, callback) => {
      const code = refusals.shift();
      if (code === undefined) return callback();
      callback(Object.assign(new Error("Mailbox unavailable (test server refusing)"), { responseCode: code }));
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
        const raw = Buffer.concat(chunks).toString("utf8");
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        received.push({
          envelope: { from, to: session.envelope.rcptTo.map((to) => to.address) },
          parsed: await simpleParser(raw),
          raw,
        });
        callback();
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const { port } = server.server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse: (times, code = 550) => {
      refusals = [...refusals, ...Array.from({ length: times }, () => code)];
    },
    delay: (ms) => {
      delayMs = ms;
    },
    waitForMessages: async (count, ms = 10_000) => {
      const until = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > until)
          throw new Error(`expected ${count} messages, the test SMTP server has ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    get connections() {
      return connections;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};

/** A loopback URL where nothing listens: connecting is refused at once (an SMTP server that is down). */
export const unreachableSmtpUrl = async () => {
  const probe = net.createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `smtp://127.0.0.1:${port}`;
};

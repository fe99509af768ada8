import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import type { TMail, TMailTransport } from "./transport.ts";

export type TStoredMail = TMail & { id: string; from: string; sentAt: number; seq?: number };

// Orders the messages this process sends within one millisecond (a sign-up's mail, then a reset's).
let sequence = 0;

/**
 * The development transport: every email becomes a JSON file in an outbox folder, which the developer
 * reads there or through the API's GET /dev/outbox. Never used in production (see config.ts).
 * A send is tracked until its file is written, so `list()` sees every send that had started before it.
 */
export const createOutboxMailer = (folder: string, from = "Cto <no-reply@localhost>") => {
  const writing = new Set<Promise<unknown>>();
  const write = async (mail: TMail) => {
    // Stamped before the first await: messages list in the order `send` was called.
    const stored: TStoredMail = { ...mail, from, id: randomUUID(), sentAt: Date.now(), seq: sequence++ };
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, `${stored.sentAt}-${stored.id}.json`), JSON.stringify(stored, null, 2));
    return { messageId: mail.messageId ?? `<${stored.id}@localhost>` };
  };
  return {
    kind: "outbox" as const,
    from,
    send: (mail: TMail) => {
      const sending = write(mail);
      writing.add(sending);
      void sending.catch(() => undefined).finally(() => writing.delete(sending));
      return sending;
    },
    close: async () => {
      await Promise.allSettled([...writing]);
    },
    /** Newest first. */
    list: async (): Promise<TStoredMail[]> => {
      await Promise.allSettled([...writing]);
      const files = await readdir(folder).catch(() => [] as string[]);
      const read = async (file: string) => JSON.parse(await readFile(path.join(folder, file), "utf8")) as TStoredMail;
      const mails = await Promise.all(files.filter((file) => file.endsWith(".json")).map(read));
      return mails.sort((a, b) => b.sentAt - a.sentAt || (b.seq ?? 0) - (a.seq ?? 0));
    },
  } satisfies TMailTransport & Record<string, unknown>;
};
export type TOutboxMailer = ReturnType<typeof createOutboxMailer>;

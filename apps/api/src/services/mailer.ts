import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export type Mail = { to: string; subject: string; text: string };
export type StoredMail = Mail & { id: string; sentAt: number };

export type Mailer = { send: (mail: Mail) => Promise<void> };

/**
 * The development transport: every email becomes a JSON file in an outbox folder, which the developer
 * reads there or through GET /dev/outbox. A production transport (SMTP) plugs in behind the same `send`.
 */
export const createOutboxMailer = (folder: string) => ({
  send: async (mail: Mail) => {
    await mkdir(folder, { recursive: true });
    const stored: StoredMail = { ...mail, id: randomUUID(), sentAt: Date.now() };
    await writeFile(path.join(folder, `${stored.sentAt}-${stored.id}.json`), JSON.stringify(stored, null, 2));
  },
  /** Newest first. */
  list: async (): Promise<StoredMail[]> => {
    const files = await readdir(folder).catch(() => [] as string[]);
    const mails = await Promise.all(files.filter((file) => file.endsWith(".json")).map(async (file) => JSON.parse(await readFile(path.join(folder, file), "utf8")) as StoredMail));
    return mails.sort((a, b) => b.sentAt - a.sentAt);
  },
});
export type OutboxMailer = ReturnType<typeof createOutboxMailer>;

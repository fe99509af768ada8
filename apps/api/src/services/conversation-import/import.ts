import { randomUUID } from "node:crypto";

import type { Db, DbTransaction } from "@cto/db/client";

import { ApiError } from "../../errors.ts";
import { MAX_ARCHIVE_ISSUES } from "../account-archive-checks.ts";
import { formatOf, readConversation, type TExportFormat, type TImportedThread } from "./formats.ts";
import { ExportSyntaxError, ExportTooLargeError, exportConversations } from "./read.ts";

export type TConversationImportResult = {
  format: TExportFormat | null;
  conversations: { imported: number; duplicates: number; empty: number };
  messages: { imported: number; skipped: number };
};

/** Conversations written per round trip; a batch is all the import holds of them. */
const BATCH_CONVERSATIONS = 200;
const BATCH_MESSAGES = 1000;

type TIssue = { path: (string | number)[]; message: string };

/**
 * Imports ChatGPT's or Claude's `conversations.json` (or the export's ZIP) into the user's conversations,
 * all or nothing: every conversation is checked as it streams in, and one that cannot be read rolls the
 * whole import back with a 400 naming each problem's place in the file. A conversation imported before
 * (same vendor, same id, trashed ones included) is skipped, so importing a newer export brings only
 * what is new. Imports into one account run one at a time. The messages are embedded afterwards by the
 * worker's embeddings sweep, like any row stored without its vectors.
 */
export const importConversations = async ({
  db,
  userId,
  body,
  maxBytes,
  format: requested,
}: {
  db: Db;
  userId: string;
  body: AsyncIterable<Uint8Array>;
  maxBytes: number;
  format?: TExportFormat | undefined;
}): Promise<TConversationImportResult> => {
  try {
    return await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`conversation-import:${userId}`}, 0))`;
        const run = new ConversationImport(tx, userId, requested ?? null);
        try {
          for await (const element of exportConversations(body, { maxBytes })) await run.take(element);
        } catch (error) {
          if (!(error instanceof ExportSyntaxError)) throw error;
          run.add(error.path, error.message);
        }
        return await run.finish();
      },
      // A second import into the same account waits for the first (the lock above), then skips what it brought.
      { maxWait: 60_000, timeout: 300_000 },
    );
  } catch (error) {
    if (error instanceof ExportTooLargeError) throw new ApiError("payload_too_large", error.message);
    throw error;
  }
};

class ConversationImport {
  private readonly issues: TIssue[] = [];
  private unlisted = 0;
  private batch: TImportedThread[] = [];
  private readonly seen = new Set<string>();
  private readonly result: TConversationImportResult;

  constructor(
    private readonly tx: DbTransaction,
    private readonly userId: string,
    private format: TExportFormat | null,
  ) {
    this.result = {
      format,
      conversations: { imported: 0, duplicates: 0, empty: 0 },
      messages: { imported: 0, skipped: 0 },
    };
  }

  add(path: (string | number)[], message: string) {
    if (this.issues.length < MAX_ARCHIVE_ISSUES) this.issues.push({ path, message });
    else this.unlisted++;
  }

  async take({ index, value }: { index: number; value: unknown }) {
    const detected = formatOf(value);
    if (!this.format) {
      if (!detected) return this.add([index], "is neither a ChatGPT nor a Claude conversation");
      this.format = detected;
      this.result.format = detected;
    }
    const read = readConversation(this.format, value);
    if (!read.ok) {
      for (const issue of read.issues) this.add([index, ...issue.path], issue.message);
      return;
    }
    // Once anything is wrong nothing is written; the rest of the file is still checked, to list every problem.
    if (this.issues.length) return;
    const { thread } = read;
    if (this.seen.has(thread.externalId)) {
      this.result.conversations.duplicates++;
      return;
    }
    this.seen.add(thread.externalId);
    this.result.messages.skipped += thread.skippedMessages;
    if (!thread.messages.length) {
      this.result.conversations.empty++;
      return;
    }
    this.batch.push(thread);
    if (this.batch.length >= BATCH_CONVERSATIONS) await this.flush();
  }

  async finish() {
    if (this.issues.length)
      throw new ApiError("validation_failed", "The export cannot be imported; see details. Nothing was imported.", [
        ...this.issues.map((issue) => ({ path: issue.path.join(".") || "(body)", message: issue.message })),
        ...(this.unlisted ? [{ path: "(body)", message: `${this.unlisted} more problems not listed` }] : []),
      ]);
    await this.flush();
    return this.result;
  }

  private async flush() {
    const threads = this.batch;
    this.batch = [];
    if (!threads.length || !this.format) return;
    const provider = this.format;
    const known = await this.tx.$queryRaw<{ id: string }[]>`
      SELECT context->'import'->>'id' AS id FROM conversations
       WHERE user_id = ${this.userId}::uuid AND context->'import'->>'provider' = ${provider}
         AND context->'import'->>'id' = ANY(${threads.map((thread) => thread.externalId)}::text[])`;
    const before = new Set(known.map((row) => row.id));
    const fresh = threads.filter((thread) => !before.has(thread.externalId));
    this.result.conversations.duplicates += threads.length - fresh.length;
    if (!fresh.length) return;

    const rows = fresh.map((thread) => ({ id: randomUUID(), thread }));
    await this.tx.conversation.createMany({
      data: rows.map(({ id, thread }) => ({
        id,
        userId: this.userId,
        title: thread.title,
        context: { import: { provider, id: thread.externalId } },
        createdAt: thread.createdAt,
        updatedAt: thread.updatedAt,
      })),
    });
    const messages = rows.flatMap(({ id, thread }) =>
      thread.messages.map((message) => ({
        conversationId: id,
        role: message.role,
        content: message.content,
        userId: message.role === "USER" ? this.userId : null,
        source: "IMPORT" as const,
        metadata: {
          imported: { provider, id: message.externalId, ...(message.model ? { model: message.model } : {}) },
        },
        createdAt: message.createdAt,
      })),
    );
    for (let start = 0; start < messages.length; start += BATCH_MESSAGES)
      await this.tx.message.createMany({ data: messages.slice(start, start + BATCH_MESSAGES) });
    this.result.conversations.imported += fresh.length;
    this.result.messages.imported += messages.length;
  }
}

// The hottest reads take @cto/db's typed raw path (queryRows) instead of Prisma: they must give exactly
// the rows Prisma gives, in the same order, page after page, on both database targets.
import { describe, expect, it } from "vitest";

import { rawFindMany } from "@cto/db/raw-find";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";

import { toApiRow } from "@cto/contracts/rows";
import { Message } from "@cto/contracts/tables";

import { listApiMessages, listMessages } from "../src/services/coaching/messages.ts";
import { getTelegramConnection } from "../src/services/telegram/link.ts";

describe.each(testTargets())("the message page's raw path on $name", (target) => {
  const handle = useMigratedDatabase(target);

  it("gives Prisma's rows and order, page after page, and nothing of another user's conversation", async () => {
    const { db } = handle;
    const [user, stranger] = [
      await db.user.create({ data: { email: `hot-${target.name}@example.com` } }),
      await db.user.create({ data: { email: `stranger-${target.name}@example.com` } }),
    ];
    const conversation = await db.conversation.create({ data: { userId: user.id, title: "Hot" } });
    const at = Date.now() - 60_000;
    // Every kind of row: the coach's tool calls and results, Telegram's, null and nested JSON, and ties on
    // createdAt that only the id orders.
    await db.message.createMany({
      data: [
        ...Array.from({ length: 12 }, (_, i) => ({
          conversationId: conversation.id,
          userId: user.id,
          role: "USER" as const,
          content: `Question ${i}`,
          createdAt: new Date(at + Math.floor(i / 3) * 1000),
        })),
        {
          conversationId: conversation.id,
          role: "ASSISTANT" as const,
          content: "",
          toolCalls: [{ id: "call_1", name: "create_goal", arguments: { title: "Run", nested: [1, { a: null }] } }],
          createdAt: new Date(at + 5_000),
        },
        {
          conversationId: conversation.id,
          role: "TOOL" as const,
          content: '{"ok":true}',
          toolCallId: "call_1",
          metadata: { action: { kind: "goal" }, list: [1, 2.5, "x"] },
          createdAt: new Date(at + 5_000),
        },
        {
          conversationId: conversation.id,
          userId: user.id,
          role: "USER" as const,
          content: "From Telegram ✈️",
          source: "TELEGRAM" as const,
          telegramMessageId: "42",
          createdAt: new Date(at + 6_123),
        },
        // The extremes of a timestamptz(3) the API can state, and a negative Unix time.
        {
          conversationId: conversation.id,
          role: "SYSTEM" as const,
          content: "Old",
          createdAt: new Date("1000-01-01T00:00:00.001Z"),
        },
        { conversationId: conversation.id, role: "SYSTEM" as const, content: "Before 1970", createdAt: new Date(-1) },
        {
          conversationId: conversation.id,
          role: "SYSTEM" as const,
          content: "Late",
          createdAt: new Date("9999-12-31T23:59:59.999Z"),
        },
      ],
    });
    const expected = await db.message.findMany({
      where: { conversationId: conversation.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });

    const seen = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listMessages({ db, userId: user.id, id: conversation.id, query: { limit: 4, cursor } });
      seen.push(...page.items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(expected);
    expect(seen[0]!.createdAt).toBeInstanceOf(Date);

    // The route's page, as the API shows it: what the shared serializer makes of Prisma's rows, same order and cursors.
    const shown = [];
    cursor = undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listApiMessages({ db, userId: user.id, id: conversation.id, query: { limit: 4, cursor } });
      shown.push(...page.items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(shown).toStrictEqual(expected.map((row) => toApiRow(Message, row, ["userId"])));
    await expect(
      listApiMessages({ db, userId: stranger.id, id: conversation.id, query: { limit: 4 } }),
    ).rejects.toMatchObject({ code: "not_found" });

    await expect(
      listMessages({ db, userId: stranger.id, id: conversation.id, query: { limit: 4 } }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      listMessages({ db, userId: stranger.id, id: conversation.id, query: { limit: 4, cursor: expected[2]!.id } }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("reads a Telegram connection as Prisma does: linked, waiting for its link, and none", async () => {
    const { db } = handle;
    const [linked, waiting, none] = await Promise.all(
      ["linked", "waiting", "none"].map((name) =>
        db.user.create({ data: { email: `telegram-${name}-${target.name}@example.com` } }),
      ),
    );
    await db.telegramConnection.create({
      data: {
        userId: linked!.id,
        telegramChatId: "-1001234567890",
        telegramUsername: "zoë_✈️",
        isActive: true,
        connectedAt: new Date("9999-12-31T23:59:59.999Z"),
        lastMessageAt: new Date("0001-01-01T00:00:00.000Z"),
      },
    });
    await db.telegramConnection.create({
      data: {
        userId: waiting!.id,
        connectionToken: "a".repeat(64),
        connectionTokenExpiresAt: new Date(Date.now() + 60_000),
      },
    });
    // The raw path takes this model (a column it cannot read like Prisma would send every read to Prisma).
    expect(await rawFindMany(db, "TelegramConnection", { where: { userId: linked!.id }, take: 1 })).toHaveLength(1);
    for (const user of [linked!, waiting!]) {
      const read = await getTelegramConnection({ db, userId: user.id });
      expect(read).toStrictEqual(await db.telegramConnection.findUnique({ where: { userId: user.id } }));
      expect(read?.userId).toBe(user.id);
    }
    expect(await getTelegramConnection({ db, userId: none!.id })).toBeNull();
    expect(await getTelegramConnection({ db, userId: "not-a-uuid" })).toBeNull();
  });
});

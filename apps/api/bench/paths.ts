// The three paths `pnpm bench:api` measures, each as the API serves it (HTTP requests), as the same work
// through plain `pg` (the baseline), and through the data layer (Prisma) alone: a 50-message page read
// with an API key, creating a check-in with an API key, and the dashboard's eight reads with the session
// cookie the web app sends.
import type pg from "pg";

import type { Db } from "@cto/db/client";

import { createApiKey } from "../src/services/api-keys.ts";
import { listApiMessages } from "../src/services/coaching/messages.ts";
import { consistencyMetricService, reportService } from "../src/services/coaching/computed.ts";
import { emotionService, energyMetricService } from "../src/services/coaching/journal.ts";
import { commitmentService } from "../src/services/commitments.ts";
import { goalService } from "../src/services/goals.ts";
import { notificationService } from "../src/services/notifications.ts";
import { createSession } from "../src/services/sessions.ts";
import { getTelegramConnection } from "../src/services/telegram/link.ts";
import { DEFAULT_CONFIG } from "../src/context.ts";
import type { TLoadRequest } from "./server.ts";

export const PAGE = 50;
const DAY = 86_400_000;

export type TBenchPath = {
  name: string;
  /** Sent in turn on each connection. */
  requests: TLoadRequest[];
  /** The same work through plain pg: call `i` does step `i % steps`. */
  pg: (i: number) => Promise<unknown>;
  /** The same reads or writes through the data layer, by label. */
  dataLayer: Record<string, (i: number) => Promise<unknown>>;
};

/** A user with a 500-message conversation and a dashboard's worth of rows, an API key and a session. */
export const seed = async (db: Db) => {
  const user = await db.user.create({ data: { email: "bench@example.com" } });
  const userId = user.id;
  const conversation = await db.conversation.create({ data: { userId, title: "Bench" } });
  const now = Date.now();
  await db.message.createMany({
    data: Array.from({ length: 500 }, (_, i) => ({
      conversationId: conversation.id,
      role: i % 2 ? ("ASSISTANT" as const) : ("USER" as const),
      userId: i % 2 ? null : userId,
      content: `Message ${i}: ${"lorem ipsum ".repeat(20)}`,
      createdAt: new Date(now - 1_000_000 + i * 1000),
    })),
  });
  await db.goal.createMany({
    data: Array.from({ length: 10 }, (_, i) => ({
      userId,
      title: `Goal ${i}`,
      period: "WEEKLY" as const,
      deadline: new Date(now + (i + 1) * DAY),
    })),
  });
  await db.commitment.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({
      userId,
      title: `Commitment ${i}`,
      dueAt: new Date(now + (i % 8) * 3_600_000),
    })),
  });
  await db.emotion.createMany({
    data: Array.from({ length: 100 }, (_, i) => ({
      userId,
      label: "calm",
      valence: "POSITIVE" as const,
      intensity: 1 + (i % 10),
      recordedAt: new Date(now - i * 3 * 3_600_000),
    })),
  });
  await db.energyMetric.createMany({
    data: Array.from({ length: 100 }, (_, i) => ({
      userId,
      level: 1 + (i % 10),
      recordedAt: new Date(now - i * 3 * 3_600_000),
    })),
  });
  await db.consistencyMetric.createMany({
    data: Array.from({ length: 30 }, (_, i) => ({
      userId,
      windowDays: 7,
      score: 50 + i,
      periodStart: new Date(now - (i + 7) * DAY),
      periodEnd: new Date(now - i * DAY),
    })),
  });
  await db.report.createMany({
    data: Array.from({ length: 5 }, (_, i) => ({
      userId,
      type: "SEVEN_DAY" as const,
      periodStart: new Date(now - (i + 7) * DAY),
      periodEnd: new Date(now - i * DAY),
      title: `Week ${i}`,
      payload: { days: 7 },
    })),
  });
  await db.proactiveMessage.createMany({
    data: Array.from({ length: 20 }, (_, i) => ({
      userId,
      content: `Reminder ${i}`,
      channel: "IN_APP" as const,
      status: "SENT" as const,
      sentAt: new Date(now - i * 3_600_000),
    })),
  });
  await db.telegramConnection.create({ data: { userId } });
  const { key } = await createApiKey({ db, userId, name: "bench" });
  const { token } = await createSession({ db, config: DEFAULT_CONFIG, userId });
  return { userId, conversationId: conversation.id, key, sessionCookie: `cto_session=${token}` };
};

export type TSeeded = Awaited<ReturnType<typeof seed>>;

const MESSAGE_PAGE_SQL = `SELECT id, conversation_id, role, content, user_id, tool_calls, tool_call_id, metadata, source, telegram_message_id, created_at
  FROM messages WHERE conversation_id = $1 ORDER BY created_at ASC, id ASC LIMIT $2`;

export const messagePage = ({ db, plain, seeded }: { db: Db; plain: pg.Pool; seeded: TSeeded }): TBenchPath => ({
  name: `${PAGE}-message page (API key)`,
  requests: [
    {
      path: `/conversations/${seeded.conversationId}/messages?limit=${PAGE}`,
      headers: { authorization: `Bearer ${seeded.key}` },
    },
  ],
  pg: () => plain.query(MESSAGE_PAGE_SQL, [seeded.conversationId, PAGE + 1]),
  dataLayer: {
    "Prisma findMany": () =>
      db.message.findMany({
        where: { conversationId: seeded.conversationId, conversation: { userId: seeded.userId } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: PAGE + 1,
      }),
    "the service (listApiMessages)": () =>
      listApiMessages({ db, userId: seeded.userId, id: seeded.conversationId, query: { limit: PAGE } }),
  },
});

const CHECK_IN = { label: "calm", valence: "positive", intensity: 6, note: "bench" } as const;

export const createCheckIn = ({ db, plain, seeded }: { db: Db; plain: pg.Pool; seeded: TSeeded }): TBenchPath => ({
  name: "create a check-in (API key)",
  requests: [
    {
      method: "POST",
      path: "/emotions",
      headers: { authorization: `Bearer ${seeded.key}`, "content-type": "application/json" },
      body: JSON.stringify(CHECK_IN),
    },
  ],
  pg: () =>
    plain.query(
      "INSERT INTO emotions (user_id, label, valence, intensity, note) VALUES ($1, $2, $3, $4, $5) RETURNING *",
      [seeded.userId, CHECK_IN.label, "POSITIVE", CHECK_IN.intensity, CHECK_IN.note],
    ),
  dataLayer: {
    // What the API's insert is (resourceService.create, no queues here: the embedding job is the API's).
    "the service (emotionService.create)": () =>
      emotionService.create({
        db,
        queues: null,
        userId: seeded.userId,
        input: { label: CHECK_IN.label, valence: "POSITIVE", intensity: CHECK_IN.intensity, note: CHECK_IN.note },
      }),
    "Prisma create": () =>
      db.emotion.create({
        data: {
          userId: seeded.userId,
          label: CHECK_IN.label,
          valence: "POSITIVE",
          intensity: CHECK_IN.intensity,
          note: CHECK_IN.note,
        },
      }),
  },
});

/** The dashboard's reads as the web app sends them (apps/web/src/features/dashboard/api), and their SQL. */
export const dashboard = ({ db, plain, seeded }: { db: Db; plain: pg.Pool; seeded: TSeeded }): TBenchPath => {
  const { userId } = seeded;
  const from = Date.now() - 13 * DAY;
  const dueBefore = Date.now() + DAY;
  const reads: Array<{ path: string; sql: string; params: unknown[]; service: () => Promise<unknown> }> = [
    {
      path: "/goals?status=active&sort=deadline&limit=6",
      sql: "SELECT * FROM goals WHERE user_id = $1 AND status = 'ACTIVE' ORDER BY deadline ASC NULLS LAST, id DESC LIMIT 7",
      params: [userId],
      service: () => goalService.list({ db, userId, query: { limit: 6, sort: "deadline", status: "ACTIVE" } }),
    },
    {
      path: "/notifications?limit=8&sort=created",
      sql: "SELECT * FROM proactive_messages WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT 9",
      params: [userId],
      service: () => notificationService.list({ db, userId, query: { limit: 8, sort: "created" } }),
    },
    {
      path: "/telegram",
      sql: "SELECT * FROM telegram_connections WHERE user_id = $1",
      params: [userId],
      service: () => getTelegramConnection({ db, userId }),
    },
    {
      path: `/emotions?from=${from}&limit=100`,
      sql: "SELECT * FROM emotions WHERE user_id = $1 AND recorded_at >= $2 ORDER BY recorded_at DESC, id DESC LIMIT 101",
      params: [userId, new Date(from)],
      service: () => emotionService.list({ db, userId, query: { limit: 100, sort: "recorded", from } }),
    },
    {
      path: `/energy-metrics?from=${from}&limit=100`,
      sql: "SELECT * FROM energy_metrics WHERE user_id = $1 AND recorded_at >= $2 ORDER BY recorded_at DESC, id DESC LIMIT 101",
      params: [userId, new Date(from)],
      service: () => energyMetricService.list({ db, userId, query: { limit: 100, sort: "recorded", from } }),
    },
    {
      path: "/consistency-metrics?limit=30",
      sql: "SELECT * FROM consistency_metrics WHERE user_id = $1 ORDER BY period_end DESC, id DESC LIMIT 31",
      params: [userId],
      service: () => consistencyMetricService.list({ db, userId, query: { limit: 30, sort: "periodEnd" } }),
    },
    {
      path: "/reports?limit=1&sort=periodEnd",
      sql: "SELECT * FROM reports WHERE user_id = $1 ORDER BY period_end DESC, id DESC LIMIT 2",
      params: [userId],
      service: () => reportService.list({ db, userId, query: { limit: 1, sort: "periodEnd" } }),
    },
    {
      path: `/commitments?dueBefore=${dueBefore}&sort=due&limit=50`,
      sql: "SELECT * FROM commitments WHERE user_id = $1 AND due_at < $2 ORDER BY due_at ASC NULLS LAST, id DESC LIMIT 51",
      params: [userId, new Date(dueBefore)],
      service: () => commitmentService.list({ db, userId, query: { limit: 50, sort: "due", dueBefore } }),
    },
  ];
  return {
    name: "dashboard, 8 reads in turn (session cookie)",
    requests: reads.map(({ path }) => ({ path, headers: { cookie: seeded.sessionCookie } })),
    pg: (i) => {
      const read = reads[i % reads.length]!;
      return plain.query(read.sql, read.params);
    },
    // Seven of the eight are resource lists, whose first page is one raw statement (rawFindMany); the
    // Telegram read is Prisma's.
    dataLayer: { "the services (raw first page)": (i) => reads[i % reads.length]!.service() },
  };
};

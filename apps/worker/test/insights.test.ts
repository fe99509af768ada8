import type { ServerResponse } from "node:http";

import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import { AiProviderError } from "@cto/ai/errors";
import { sendJson, sendLocalEmbeddings, startStandIn } from "@cto/ai/testing";
import { insightJobId } from "@cto/contracts/queues";
import { embedOwners } from "@cto/core/embeddings";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";

import { processInsightDerive } from "../src/jobs/insights.derive.ts";
import { previousHour, processInsightSchedule } from "../src/jobs/insights.schedule.ts";
import { createTestDeps, testPrefix } from "./deps.ts";

const HOUR = 3_600_000;
const job = <T>(data: T) => ({ data }) as Job<T>;

for (const target of testTargets()) {
  describe(`insights jobs (${target.name})`, () => {
    const handle = useMigratedDatabase(target);
    const window = { from: Date.UTC(2026, 10, 20, 9), to: Date.UTC(2026, 10, 20, 10) };
    const inWindow = (minutes: number) => new Date(window.from + minutes * 60_000);

    /** A user who, in the window, told the coach about their team twice and checked in four times. */
    const seedUser = async () => {
      const { db } = handle;
      const user = await db.user.create({ data: { email: `insights-${crypto.randomUUID()}@example.com` } });
      const conversation = await db.conversation.create({ data: { userId: user.id, title: "Coaching" } });
      const say = (content: string, createdAt: Date) =>
        db.message.create({ data: { conversationId: conversation.id, role: "USER", content, createdAt } });
      const told = await say("I manage a team of eight engineers. How do I run a retro?", inWindow(5));
      await say("Again: I manage a team of eight engineers!", inWindow(20));
      await say("I prefer written updates over meetings.", new Date(window.to + 60_000));
      await db.emotion.createMany({
        data: [10, 30].map((minutes) => ({
          userId: user.id,
          label: "anxious",
          valence: "NEGATIVE" as const,
          intensity: 7,
          createdAt: inWindow(minutes),
        })),
      });
      await db.energyMetric.createMany({
        data: [3, 4].map((level, i) => ({ userId: user.id, level, createdAt: inWindow(40 + i) })),
      });
      return { user, conversation, told };
    };

    it("derives insights with their evidence and confidence, embeds them, and adds nothing twice", async () => {
      const { user, conversation, told } = await seedUser();
      const { deps, close } = createTestDeps({ prefix: testPrefix("insights"), db: handle.db });
      try {
        const first = await processInsightDerive(job({ userId: user.id, ...window }), deps);
        // "Again: …" says what the first message said: its embedding is too close to the insight just stored.
        expect(first).toMatchObject({ status: "done", items: 6, duplicates: 1 });
        const insights = await handle.db.insight.findMany({ where: { userId: user.id }, orderBy: { content: "asc" } });
        expect(insights.map((row) => [row.source, row.content])).toEqual([
          ["message", "You manage a team of eight engineers."],
          ["check_in", "You often feel anxious (2 check-ins)."],
          ["check_in", "Your energy has been low (about 3.5/10)."],
        ]);
        const team = insights[0]!;
        expect(team.conversationId).toBe(conversation.id);
        expect(team.confidence?.toNumber()).toBe(0.7);
        expect(team.confirmedAt).toBeNull();
        expect(team.evidence).toEqual([
          {
            kind: "message",
            id: told.id,
            conversationId: conversation.id,
            excerpt: "I manage a team of eight engineers. How do I run a retro?",
            at: inWindow(5).getTime(),
          },
        ]);
        expect((insights[2]!.evidence as { kind: string }[]).map((item) => item.kind)).toEqual([
          "energy_metric",
          "energy_metric",
        ]);
        // The message after the window is another hour's.
        expect(JSON.stringify(insights)).not.toContain("written updates");
        for (const row of insights)
          expect(await handle.db.embedding.count({ where: { ownerKind: "INSIGHT", ownerId: row.id } })).toBe(1);

        const again = await processInsightDerive(job({ userId: user.id, ...window }), deps);
        expect(again).toMatchObject({ created: [], duplicates: 4 });
        expect(await handle.db.insight.count({ where: { userId: user.id } })).toBe(3);
      } finally {
        await close();
      }
    });

    it("leaves out what the user already told in other words and case", async () => {
      const { user } = await seedUser();
      const typed = await handle.db.insight.create({
        data: { userId: user.id, content: "you manage a team of EIGHT engineers" },
      });
      const { deps, close } = createTestDeps({ prefix: testPrefix("insights-known"), db: handle.db });
      try {
        const embed = async (texts: string[]) => (await deps.ai.embed(texts)).vectors;
        await embedOwners(handle.db, { model: deps.ai.embeddingModel, embed }, [
          { ownerKind: "INSIGHT", ownerId: typed.id },
        ]);
        const result = await processInsightDerive(job({ userId: user.id, ...window }), deps);
        expect(result).toMatchObject({ duplicates: 2 });
        const rows = await handle.db.insight.findMany({ where: { userId: user.id } });
        expect(rows.filter((row) => /eight engineers/i.test(row.content)).map((row) => row.id)).toEqual([typed.id]);
      } finally {
        await close();
      }
    });

    it("fails on a malformed answer without writing anything, and skips a window with nothing in it", async () => {
      const { user } = await seedUser();
      const { deps, close } = createTestDeps({ prefix: testPrefix("insights-bad"), db: handle.db });
      try {
        const garbled = {
          ...deps,
          ai: { ...deps.ai, chat: async () => ({ ...(await deps.ai.chat({ messages: [] })), content: "Sure! Here:" }) },
        };
        await expect(processInsightDerive(job({ userId: user.id, ...window }), garbled)).rejects.toBeInstanceOf(
          AiProviderError,
        );
        expect(await handle.db.insight.count({ where: { userId: user.id } })).toBe(0);
        const empty = { from: window.from - 24 * HOUR, to: window.to - 24 * HOUR };
        expect(await processInsightDerive(job({ userId: user.id, ...empty }), deps)).toMatchObject({ items: 0 });
        expect(await processInsightDerive(job({ userId: crypto.randomUUID(), ...window }), deps)).toEqual({
          status: "no_user",
        });
      } finally {
        await close();
      }
    });

    it("derives through an OpenAI-compatible server: JSON mode, the numbered items, evidence mapped back, nothing on a failure", async () => {
      const { user, told } = await seedUser();
      let failing = false;
      const standIn = await startStandIn((request, res: ServerResponse) => {
        if (request.path.endsWith("/embeddings")) return sendLocalEmbeddings(request, res);
        if (failing) return sendJson(res, 503, { error: { message: "overloaded", type: "server_error" } });
        // Fenced, as models often answer; one insight cites an item that does not exist, one cites nothing real.
        const answer = {
          insights: [
            { title: "Team", content: "You lead eight engineers.", evidence: [1], confidence: 0.8 },
            { content: "You are often anxious at work.", evidence: [2, 99], confidence: 0.6 },
            { content: "You like sailing.", evidence: [42] },
          ],
        };
        sendJson(res, 200, {
          id: "chatcmpl-insights",
          object: "chat.completion",
          created: 1_700_000_000,
          model: "gpt-4o-mini-2024-07-18",
          choices: [
            {
              index: 0,
              message: { role: "assistant", content: `\`\`\`json\n${JSON.stringify(answer)}\n\`\`\`` },
              finish_reason: "stop",
            },
          ],
          usage: { prompt_tokens: 120, completion_tokens: 40, total_tokens: 160 },
        });
      });
      const ai = createAiProvider(
        parseAiConfig({ OPENAI_API_KEY: "test", OPENAI_BASE_URL: standIn.baseUrl, AI_MAX_RETRIES: "0" }),
      );
      const { deps, close } = createTestDeps({ prefix: testPrefix("insights-openai"), db: handle.db });
      try {
        const result = await processInsightDerive(job({ userId: user.id, ...window }), { ...deps, ai });
        expect(result).toMatchObject({ status: "done", items: 6, duplicates: 0 });
        const chat = standIn.requests.find((request) => request.path.endsWith("/chat/completions"))!;
        expect(chat.body).toMatchObject({ response_format: { type: "json_object" }, temperature: 0 });
        const sent = JSON.parse(chat.body.messages[1].content);
        expect(sent.items[0]).toEqual({
          n: 1,
          kind: "message",
          text: "I manage a team of eight engineers. How do I run a retro?",
        });
        expect(sent.items).toHaveLength(6);

        const rows = await handle.db.insight.findMany({ where: { userId: user.id }, orderBy: { content: "asc" } });
        // "You like sailing." rests on nothing the user wrote: left out. Item 99 does not exist: dropped from the evidence.
        expect(rows.map((row) => [row.content, row.confidence?.toNumber()])).toEqual([
          ["You are often anxious at work.", 0.6],
          ["You lead eight engineers.", 0.8],
        ]);
        expect((rows[1]!.evidence as { id: string }[]).map((item) => item.id)).toEqual([told.id]);
        expect((rows[0]!.evidence as { kind: string }[]).map((item) => item.kind)).toEqual(["emotion"]);
        for (const row of rows)
          expect(
            await handle.db.embedding.findMany({
              where: { ownerKind: "INSIGHT", ownerId: row.id },
              select: { model: true },
            }),
          ).toEqual([{ model: ai.embeddingModel }]);

        failing = true;
        const other = await seedUser();
        await expect(
          processInsightDerive(job({ userId: other.user.id, ...window }), { ...deps, ai }),
        ).rejects.toBeInstanceOf(AiProviderError);
        expect(await handle.db.insight.count({ where: { userId: other.user.id } })).toBe(0);
      } finally {
        await close();
        await standIn.close();
      }
    });

    it("derives insights from analytics: a clear consistency trend, with the score as its evidence; a report is read, not invented from", async () => {
      const { db } = handle;
      const user = await db.user.create({ data: { email: `insights-analytics-${crypto.randomUUID()}@example.com` } });
      const score = (windowDays: number, value: number, minutes: number) =>
        db.consistencyMetric.create({
          data: {
            userId: user.id,
            windowDays,
            score: value,
            notes: `${value}% kept`,
            periodStart: new Date(window.from - windowDays * 24 * HOUR),
            periodEnd: new Date(window.from),
            computedAt: inWindow(minutes),
          },
        });
      // A 2-day window is too short to call a trend; the 7-day one is clearly high, the 21-day one in between.
      await score(2, 100, 1);
      const week = await score(7, 92.5, 2);
      await score(21, 61, 3);
      const report = await db.report.create({
        data: {
          userId: user.id,
          type: "SEVEN_DAY",
          periodStart: new Date(window.from - 7 * 24 * HOUR),
          periodEnd: new Date(window.from),
          title: "Your week",
          summary: "You kept 12 of 13 commitments and logged energy every day.",
          payload: {},
          createdAt: inWindow(4),
        },
      });
      const { deps, close } = createTestDeps({ prefix: testPrefix("insights-analytics"), db });
      try {
        const seen: unknown[] = [];
        const watching = {
          ...deps,
          ai: {
            ...deps.ai,
            chat: async (request: Parameters<typeof deps.ai.chat>[0]) => {
              seen.push(JSON.parse(request.messages[1]!.content as string));
              return deps.ai.chat(request);
            },
          },
        };
        const result = await processInsightDerive(job({ userId: user.id, ...window }), watching);
        expect(result).toMatchObject({ status: "done", items: 4 });
        expect((seen[0] as { items: { kind: string; text: string }[] }).items.map((item) => item.kind)).toEqual([
          "consistency",
          "consistency",
          "consistency",
          "report",
        ]);
        expect(JSON.stringify(seen[0])).toContain("You kept 12 of 13 commitments");
        const rows = await db.insight.findMany({ where: { userId: user.id } });
        expect(rows.map((row) => [row.source, row.content])).toEqual([
          ["analytics", "You keep most of your commitments (about 93% over the last 7 days)."],
        ]);
        expect(rows[0]!.evidence).toEqual([
          {
            kind: "consistency_metric",
            id: week.id,
            excerpt: "Consistency 92.5% of commitments kept over 7 days: 92.5% kept",
            at: inWindow(2).getTime(),
          },
        ]);
        expect(JSON.stringify(rows)).not.toContain(report.id);

        // A user whose only activity in the hour was a score or a report is one the hourly fan-out reads.
        const now = new Date(window.to + 5 * 60_000);
        const fan = createTestDeps({ prefix: testPrefix("insights-analytics-fan"), db, now: () => now });
        try {
          await processInsightSchedule(job({}), fan.deps);
          const waiting = await fan.queues.queue("insights").getJobs(["waiting"]);
          expect(waiting.some((entry) => entry.data.userId === user.id)).toBe(true);
        } finally {
          await fan.close(["insights"]);
        }
      } finally {
        await close();
      }
    });

    it("the hourly fan-out queues one derive per user active in the hour that ended, once", async () => {
      const now = new Date(window.to + 25 * 60_000);
      expect(previousHour(now)).toEqual(window);
      const { user } = await seedUser();
      const idle = await handle.db.user.create({ data: { email: `insights-idle-${crypto.randomUUID()}@example.com` } });
      const { deps, queues, close } = createTestDeps({
        prefix: testPrefix("insights-fan"),
        db: handle.db,
        now: () => now,
      });
      try {
        await processInsightSchedule(job({}), deps);
        await processInsightSchedule(job({}), deps);
        const waiting = await queues.queue("insights").getJobs(["waiting"]);
        expect(waiting.filter((entry) => entry.data.userId === user.id).map((entry) => entry.id)).toEqual([
          insightJobId(user.id, window.from),
        ]);
        expect(waiting.find((entry) => entry.data.userId === user.id)?.data).toEqual({ userId: user.id, ...window });
        expect(waiting.some((entry) => entry.data.userId === idle.id)).toBe(false);
      } finally {
        await close(["insights"]);
      }
    });
  });
}

import { z } from "zod";

import { AiProviderError } from "@cto/ai/errors";
import type { TAiProvider, TInsightItem } from "@cto/ai/provider";
import type { TInsightEvidence, TInsightSource } from "@cto/contracts/api/memory";
import { embedOwners } from "@cto/core/embeddings";
import type { Db } from "@cto/db/client";
import { searchEmbeddings } from "@cto/db/vector";

/** Bounds of one run: what is read from the window and how many insights it may add. */
const MAX_ITEMS = 60;
const MAX_NEW = 10;
const KNOWN_LIMIT = 200;
/** Cosine similarity from which a candidate says what a stored insight says (the same fact, other words). */
export const DUPLICATE_SCORE = 0.9;
const EXCERPT = 240;
/** A report's title and summary as one item: enough for a model to read its trend, bounded for the prompt. */
const REPORT_TEXT = 1_500;

const SYSTEM = [
  "You extract durable insights about the user from what they wrote to their coach, their check-ins, and their",
  "analytics (consistency scores: the share of commitments kept; reports of their week or month).",
  "The user sends a JSON object: `items` (numbered messages and check-ins) and `known` (insights already stored).",
  'Answer only with a JSON object {"insights": [{"title", "content", "evidence", "confidence"}]}: content is one',
  'sentence addressed to the user ("You prefer…"), evidence the numbers of the items it rests on, confidence 0-1.',
  "Only what the items state or clearly show; nothing already known; an empty list when there is nothing.",
].join(" ");

const ZAnswerSchema = z.object({
  insights: z
    .array(
      z.object({
        title: z.string().trim().max(200).optional(),
        content: z.string().trim().min(1).max(2_000),
        evidence: z.array(z.number().int()).default([]),
        confidence: z.number().min(0).max(1).default(0.5),
      }),
    )
    .max(50),
});

const flat = (text: string) => text.replace(/\s+/g, " ").trim();
const cut = (text: string) => {
  const value = flat(text);
  return value.length <= EXCERPT ? value : `${value.slice(0, EXCERPT - 1)}…`;
};
/** The text compared for exact duplicates: case, punctuation and spacing do not count. */
export const normaliseInsight = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

const cosine = (a: number[], b: number[]) => {
  let [dot, normA, normB] = [0, 0, 0];
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i]! * (b[i] ?? 0);
    normA += a[i]! ** 2;
    normB += (b[i] ?? 0) ** 2;
  }
  return normA && normB ? dot / Math.sqrt(normA * normB) : 0;
};

const parseAnswer = (content: string) => {
  const json = content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, "");
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (cause) {
    throw new AiProviderError("unavailable", "The model's insights answer was not JSON", { cause });
  }
  const parsed = ZAnswerSchema.safeParse(value);
  if (!parsed.success)
    throw new AiProviderError("unavailable", "The model's insights answer did not have the expected shape", {
      cause: parsed.error,
    });
  return parsed.data.insights;
};

type TEvidenceItem = TInsightItem & { evidence: TInsightEvidence };

/**
 * The user's messages and check-ins written in [from, to), and the consistency scores and reports
 * computed in it, oldest first, numbered from 1.
 */
const loadItems = async (db: Db, userId: string, window: { gte: Date; lt: Date }): Promise<TEvidenceItem[]> => {
  const [messages, emotions, energy, scores, reports] = await Promise.all([
    db.message.findMany({
      where: { role: "USER", createdAt: window, conversation: { userId, deletedAt: null } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: MAX_ITEMS,
      select: { id: true, content: true, createdAt: true, conversationId: true },
    }),
    db.emotion.findMany({
      where: { userId, createdAt: window },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: MAX_ITEMS,
      select: { id: true, label: true, intensity: true, note: true, createdAt: true },
    }),
    db.energyMetric.findMany({
      where: { userId, createdAt: window },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: MAX_ITEMS,
      select: { id: true, level: true, note: true, createdAt: true },
    }),
    db.consistencyMetric.findMany({
      where: { userId, computedAt: window },
      orderBy: [{ computedAt: "asc" }, { id: "asc" }],
      take: MAX_ITEMS,
      select: { id: true, windowDays: true, score: true, notes: true, computedAt: true },
    }),
    db.report.findMany({
      where: { userId, createdAt: window },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: MAX_ITEMS,
      select: { id: true, type: true, title: true, summary: true, createdAt: true },
    }),
  ]);
  const items = [
    ...messages.map((row) => ({
      kind: "message" as const,
      text: row.content,
      at: row.createdAt,
      evidence: { kind: "message" as const, id: row.id, conversationId: row.conversationId },
    })),
    ...emotions.map((row) => ({
      kind: "emotion" as const,
      text: `${row.label} (${row.intensity}/10)${row.note ? `: ${row.note}` : ""}`,
      label: row.label,
      at: row.createdAt,
      evidence: { kind: "emotion" as const, id: row.id },
    })),
    ...energy.map((row) => ({
      kind: "energy" as const,
      text: `Energy ${row.level}/10${row.note ? `: ${row.note}` : ""}`,
      level: row.level,
      at: row.createdAt,
      evidence: { kind: "energy_metric" as const, id: row.id },
    })),
    ...scores.map((row) => ({
      kind: "consistency" as const,
      text: `Consistency ${row.score.toNumber()}% of commitments kept over ${row.windowDays} days${row.notes ? `: ${row.notes}` : ""}`,
      score: row.score.toNumber(),
      windowDays: row.windowDays,
      at: row.computedAt,
      evidence: { kind: "consistency_metric" as const, id: row.id },
    })),
    ...reports.map((row) => ({
      kind: "report" as const,
      text: `${row.title ?? `${row.type.toLowerCase()} report`}: ${row.summary ?? ""}`.slice(0, REPORT_TEXT),
      at: row.createdAt,
      evidence: { kind: "report" as const, id: row.id },
    })),
  ]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .slice(0, MAX_ITEMS);
  return items.map(({ at, evidence, ...item }, i) => ({
    ...item,
    n: i + 1,
    evidence: { ...evidence, excerpt: cut(item.text), at: at.getTime() },
  }));
};

const CHECK_INS = new Set<TInsightItem["kind"]>(["emotion", "energy"]);
/** What the user wrote outweighs what they logged, which outweighs what the worker computed. */
const sourceOf = (evidence: TEvidenceItem[]): TInsightSource =>
  evidence.some((item) => item.kind === "message")
    ? "message"
    : evidence.some((item) => CHECK_INS.has(item.kind))
      ? "check_in"
      : "analytics";

/** Whether a stored insight of the user already says `content`, in the provider's embedding space. */
const alreadyKnown = async (db: Db, ai: TAiProvider, userId: string, vector: number[]) => {
  const [nearest] = await searchEmbeddings(db, {
    userId,
    vector,
    model: ai.embeddingModel,
    k: 1,
    ownerKinds: ["INSIGHT"],
  });
  return nearest !== undefined && nearest.score >= DUPLICATE_SCORE;
};

/**
 * Derives insights from one user's messages, check-ins and analytics of a window, with the AI provider: each
 * with its evidence (the items it rests on) and confidence. A candidate is left out when a stored
 * insight says the same (the same normalised text, or an embedding at least DUPLICATE_SCORE alike) or
 * an earlier candidate of the run did (kept or left out). New insights are embedded at once, so the coach can cite them.
 */
export const deriveInsights = async ({
  db,
  ai,
  userId,
  from,
  to,
}: {
  db: Db;
  ai: TAiProvider;
  userId: string;
  from: number;
  to: number;
}) => {
  const items = await loadItems(db, userId, { gte: new Date(from), lt: new Date(to) });
  if (!items.length) return { items: 0, created: [] as string[], duplicates: 0 };
  const known = await db.insight.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }],
    take: KNOWN_LIMIT,
    select: { content: true },
  });
  const prompt = {
    items: items.map(({ n, kind, text }) => ({ n, kind, text })),
    known: known.map((row) => row.content),
  };
  const result = await ai.chat({
    messages: [
      { role: "system", content: SYSTEM },
      { role: "user", content: JSON.stringify(prompt) },
    ],
    grounding: { purpose: "insights", items: items.map(({ evidence: _, ...item }) => item) },
    temperature: 0,
    maxTokens: 1_024,
    responseFormat: "json",
  });
  const seen = new Set(known.map((row) => normaliseInsight(row.content)));
  const byNumber = new Map(items.map((item) => [item.n, item]));
  const created: string[] = [];
  // Every candidate of this run so far, kept or not: one that repeats an earlier one is a duplicate too.
  const candidates: number[][] = [];
  let duplicates = 0;
  for (const candidate of parseAnswer(result.content)) {
    if (created.length >= MAX_NEW) break;
    const evidence = [...new Set(candidate.evidence)].flatMap((n) => (byNumber.has(n) ? [byNumber.get(n)!] : []));
    // An insight must rest on something the user wrote or logged in this window.
    if (!evidence.length) continue;
    const key = normaliseInsight(candidate.content);
    // Embedded as a stored insight's text reads (title, then content), so the two compare like for like.
    const text = [candidate.title, candidate.content].filter(Boolean).join("\n");
    const [vector] = (await ai.embed([text])).vectors;
    const echoes = candidates.some((earlier) => cosine(earlier, vector!) >= DUPLICATE_SCORE);
    candidates.push(vector!);
    if (!key || seen.has(key) || echoes || (await alreadyKnown(db, ai, userId, vector!))) {
      duplicates += 1;
      continue;
    }
    seen.add(key);
    const source = sourceOf(evidence);
    const insight = await db.insight.create({
      data: {
        userId,
        title: candidate.title || null,
        content: candidate.content,
        source,
        evidence: evidence.map((item) => item.evidence),
        confidence: Math.round(candidate.confidence * 100) / 100,
        conversationId: evidence.find((item) => item.evidence.conversationId)?.evidence.conversationId ?? null,
      },
      select: { id: true },
    });
    await embedOwners(db, { model: ai.embeddingModel, embed: async (texts) => (await ai.embed(texts)).vectors }, [
      { ownerKind: "INSIGHT", ownerId: insight.id },
    ]);
    created.push(insight.id);
  }
  return { items: items.length, created, duplicates };
};

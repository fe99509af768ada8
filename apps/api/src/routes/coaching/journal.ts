import {
  ZCreateEmotionSchema, ZCreateEnergyMetricSchema, ZCreateInsightSchema, ZEmotionFiltersSchema, ZEnergyMetricFiltersSchema, ZInsightFiltersSchema, ZUpdateEmotionSchema, ZUpdateEnergyMetricSchema, ZUpdateInsightSchema,
} from "@cto/contracts/api/coaching";
import { Emotion, EnergyMetric, Insight } from "@cto/contracts/tables";

import { embedOnWrite } from "../../lib/embedding-hooks.ts";
import { resourceRoutes } from "../../lib/resource.ts";

/** `from` inclusive, `to` exclusive, on recordedAt (the [userId, recordedAt] index). */
const recordedBetween = ({ from, to }: { from?: number; to?: number }) =>
  from === undefined && to === undefined ? {} : { recordedAt: { ...(from === undefined ? {} : { gte: new Date(from) }), ...(to === undefined ? {} : { lt: new Date(to) }) } };

export const insightRoutes = resourceRoutes({
  name: "insights",
  tag: "Insights",
  model: (db) => db.insight,
  afterWrite: [embedOnWrite("INSIGHT")],
  table: Insight,
  create: ZCreateInsightSchema,
  update: ZUpdateInsightSchema,
  filters: ZInsightFiltersSchema,
  where: ({ tag, conversationId }) => ({ conversationId, ...(tag?.length ? { tags: { hasSome: tag } } : {}) }),
  sorts: { created: [{ createdAt: "desc" }], updated: [{ updatedAt: "desc" }] },
  references: { conversationId: (db) => db.conversation },
});

export const emotionRoutes = resourceRoutes({
  name: "emotions",
  tag: "Wellbeing",
  model: (db) => db.emotion,
  afterWrite: [embedOnWrite("EMOTION")],
  table: Emotion,
  create: ZCreateEmotionSchema,
  update: ZUpdateEmotionSchema,
  filters: ZEmotionFiltersSchema,
  where: ({ from, to, valence, conversationId }) => ({ valence, conversationId, ...recordedBetween({ from, to }) }),
  sorts: { recorded: [{ recordedAt: "desc" }] },
  references: { conversationId: (db) => db.conversation },
});

export const energyMetricRoutes = resourceRoutes({
  name: "energy metrics",
  tag: "Wellbeing",
  model: (db) => db.energyMetric,
  afterWrite: [embedOnWrite("ENERGY_METRIC")],
  table: EnergyMetric,
  create: ZCreateEnergyMetricSchema,
  update: ZUpdateEnergyMetricSchema,
  filters: ZEnergyMetricFiltersSchema,
  where: recordedBetween,
  sorts: { recorded: [{ recordedAt: "desc" }] },
});

import {
  ZCreateEmotionSchema,
  ZCreateEnergyMetricSchema,
  ZCreateInsightSchema,
  ZEmotionFiltersSchema,
  ZEnergyMetricFiltersSchema,
  ZInsightFiltersSchema,
  ZUpdateEmotionSchema,
  ZUpdateEnergyMetricSchema,
  ZUpdateInsightSchema,
} from "@cto/contracts/api/coaching";

import { embedOnWrite } from "../embeddings.ts";
import { resourceService } from "../resource.ts";

/** `from` inclusive, `to` exclusive, on recordedAt (the [userId, recordedAt] index). */
const recordedBetween = ({ from, to }: { from?: number; to?: number }) =>
  from === undefined && to === undefined
    ? {}
    : {
        recordedAt: {
          ...(from === undefined ? {} : { gte: new Date(from) }),
          ...(to === undefined ? {} : { lt: new Date(to) }),
        },
      };

export const insightService = resourceService({
  name: "insights",
  model: (db) => db.insight,
  afterWrite: [embedOnWrite("INSIGHT")],
  create: ZCreateInsightSchema,
  update: ZUpdateInsightSchema,
  filters: ZInsightFiltersSchema,
  where: ({ tag, conversationId }) => ({ conversationId, ...(tag?.length ? { tags: { hasSome: tag } } : {}) }),
  sorts: { created: [{ createdAt: "desc" }], updated: [{ updatedAt: "desc" }] },
  references: { conversationId: (db) => db.conversation },
  // An edit is the user's own word on the insight (a correction): it counts as reviewed. Confirming is an empty edit.
  toData: (input, mode) => (mode === "update" ? { ...input, confirmedAt: new Date() } : input),
});

export const emotionService = resourceService({
  name: "emotions",
  model: (db) => db.emotion,
  afterWrite: [embedOnWrite("EMOTION")],
  create: ZCreateEmotionSchema,
  update: ZUpdateEmotionSchema,
  filters: ZEmotionFiltersSchema,
  where: ({ from, to, valence, conversationId }) => ({ valence, conversationId, ...recordedBetween({ from, to }) }),
  sorts: { recorded: [{ recordedAt: "desc" }] },
  references: { conversationId: (db) => db.conversation },
});

export const energyMetricService = resourceService({
  name: "energy metrics",
  model: (db) => db.energyMetric,
  afterWrite: [embedOnWrite("ENERGY_METRIC")],
  create: ZCreateEnergyMetricSchema,
  update: ZUpdateEnergyMetricSchema,
  filters: ZEnergyMetricFiltersSchema,
  where: recordedBetween,
  sorts: { recorded: [{ recordedAt: "desc" }] },
});

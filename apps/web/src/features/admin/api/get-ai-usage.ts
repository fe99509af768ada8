import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import type { TAiUsage } from "@cto/contracts/api/coaching";

import { api, unwrap } from "../../../lib/api-client.ts";

export type { TAiUsage };
export type TUsageWindow = "day" | "week" | "month" | "all";

const WINDOW_MS: Record<Exclude<TUsageWindow, "all">, number> = {
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
};

/** GET /admin/analytics/ai-usage: every user's AI responses by model (administrators only; others get 403). */
export const getAiUsage = (window: TUsageWindow, now = Date.now()) =>
  unwrap(
    api.GET("/admin/analytics/ai-usage", {
      params: { query: window === "all" ? {} : { since: now - WINDOW_MS[window] } },
    }),
  );

export const aiUsageQueryOptions = (window: TUsageWindow) =>
  queryOptions({
    queryKey: ["admin", "ai-usage", window],
    queryFn: () => getAiUsage(window),
    placeholderData: keepPreviousData,
  });

export const useAiUsage = (window: TUsageWindow) => useQuery(aiUsageQueryOptions(window));

/** Sums over models; the averages are weighted by each model's request count. */
export const usageTotals = (models: TAiUsage["models"]) => {
  const requests = models.reduce((sum, model) => sum + model.usageCount, 0);
  const weighted = (pick: (model: TAiUsage["models"][number]) => number | null) => {
    const rows = models.filter((model) => pick(model) !== null);
    const count = rows.reduce((sum, model) => sum + model.usageCount, 0);
    return count ? rows.reduce((sum, model) => sum + pick(model)! * model.usageCount, 0) / count : null;
  };
  return {
    requests,
    cost: models.reduce((sum, model) => sum + model.totalCost, 0),
    tokens: models.reduce((sum, model) => sum + model.totalTokens, 0),
    avgLatency: weighted((model) => model.avgLatency),
    avgTokens: weighted((model) => model.avgTokens),
  };
};

import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { startOfToday } from "../../../lib/format.ts";

export const TREND_DAYS = 14;
const DAY = 86_400_000;

/** GET /emotions and /energy-metrics for the last two weeks (up to 100 each, newest first). */
export const listTrends = async (now = new Date()) => {
  const from = startOfToday(now) - (TREND_DAYS - 1) * DAY;
  const [emotions, energy] = await Promise.all([
    unwrap(api.GET("/emotions", { params: { query: { from, limit: 100 } } })),
    unwrap(api.GET("/energy-metrics", { params: { query: { from, limit: 100 } } })),
  ]);
  return { from, emotions: emotions.items, energy: energy.items };
};

export type TTrends = Awaited<ReturnType<typeof listTrends>>;

// Under "emotions" and "energy-metrics" both, so a check-in from any feature refreshes the charts.
export const trendsQueryOptions = () =>
  queryOptions({ queryKey: ["emotions", "energy-metrics", "trends"], queryFn: () => listTrends() });

export const useTrends = () => useQuery(trendsQueryOptions());

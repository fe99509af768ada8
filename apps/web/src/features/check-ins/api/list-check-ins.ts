import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /emotions: the newest feelings logged. */
export const listEmotions = () => unwrap(api.GET("/emotions", { params: { query: { limit: 10 } } }));
/** GET /energy-metrics: the newest energy check-ins. */
export const listEnergy = () => unwrap(api.GET("/energy-metrics", { params: { query: { limit: 10 } } }));

export type TEmotion = Awaited<ReturnType<typeof listEmotions>>["items"][number];
export type TEnergy = Awaited<ReturnType<typeof listEnergy>>["items"][number];

export const emotionsQueryOptions = () => queryOptions({ queryKey: ["emotions", "recent"], queryFn: listEmotions });
export const energyQueryOptions = () => queryOptions({ queryKey: ["energy-metrics", "recent"], queryFn: listEnergy });

export const useRecentEmotions = () => useQuery(emotionsQueryOptions());
export const useRecentEnergy = () => useQuery(energyQueryOptions());

import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { TCreateEmotion, TCreateEnergyMetric } from "@cto/contracts/api/coaching";

import { api, unwrap } from "../../../lib/api-client.ts";

/** POST /emotions: one feeling, now. */
export const createEmotion = (body: TCreateEmotion) => unwrap(api.POST("/emotions", { body }));
/** POST /energy-metrics: one energy level, now. */
export const createEnergy = (body: TCreateEnergyMetric) => unwrap(api.POST("/energy-metrics", { body }));

// Every query that reads the kind, wherever its key puts it (the dashboard's trends read both kinds).
const readsKind = (kind: string) => ({
  predicate: (query: { queryKey: readonly unknown[] }) => query.queryKey.includes(kind),
});

export const useCreateEmotion = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEmotion,
    onSuccess: () => queryClient.invalidateQueries(readsKind("emotions")),
  });
};

export const useCreateEnergy = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEnergy,
    onSuccess: () => queryClient.invalidateQueries(readsKind("energy-metrics")),
  });
};

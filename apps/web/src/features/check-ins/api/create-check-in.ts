import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

export type TEmotionInput = { label: string; valence: "positive" | "neutral" | "negative"; intensity: number; note: string | null };
export type TEnergyInput = { level: number; note: string | null };

/** POST /emotions: one feeling, now. */
export const createEmotion = (body: TEmotionInput) => unwrap(api.POST("/emotions", { body }));
/** POST /energy-metrics: one energy level, now. */
export const createEnergy = (body: TEnergyInput) => unwrap(api.POST("/energy-metrics", { body }));

export const useCreateEmotion = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createEmotion, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["emotions"] }) });
};

export const useCreateEnergy = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createEnergy, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["energy-metrics"] }) });
};

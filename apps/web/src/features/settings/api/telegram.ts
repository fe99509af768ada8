import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap, unwrapOrNull } from "../../../lib/api-client.ts";

/** GET /telegram: the link to a Telegram chat, or null when there is none (404). */
export const getTelegram = () => unwrapOrNull(api.GET("/telegram"), 404);

export type TTelegramConnection = NonNullable<Awaited<ReturnType<typeof getTelegram>>>;

export const telegramQueryOptions = () => queryOptions({ queryKey: ["telegram"], queryFn: getTelegram });
export const useTelegram = () => useQuery(telegramQueryOptions());

/** POST /telegram/link-token: a one-time token for `/start <token>`, valid 15 minutes; an earlier one stops working. */
export const useTelegramLinkToken = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => unwrap(api.POST("/telegram/link-token")), onSuccess: () => queryClient.invalidateQueries({ queryKey: ["telegram"] }) });
};

/** DELETE /telegram: unlink. */
export const useUnlinkTelegram = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => unwrap(api.DELETE("/telegram")), onSuccess: () => queryClient.setQueryData(["telegram"], null) });
};

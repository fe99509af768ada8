import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /telegram: the link to a Telegram chat, or null when there is none. */
export const getTelegram = () => unwrap(api.GET("/telegram"));

export type TTelegramConnection = NonNullable<Awaited<ReturnType<typeof getTelegram>>>;

export const telegramQueryOptions = () => queryOptions({ queryKey: ["telegram"], queryFn: getTelegram });
export const useTelegram = () => useQuery(telegramQueryOptions());

/** GET /telegram/bot: whether this server can link a Telegram chat at all (its webhook is set up), and the bot's name. */
export const getTelegramBot = () => unwrap(api.GET("/telegram/bot"));

export const telegramBotQueryOptions = () =>
  queryOptions({ queryKey: ["telegram", "bot"], queryFn: getTelegramBot, staleTime: 5 * 60_000 });
export const useTelegramBot = () => useQuery(telegramBotQueryOptions());

/** POST /telegram/link-token: a one-time token for `/start <token>`, valid 15 minutes; an earlier one stops working. */
export const useTelegramLinkToken = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/telegram/link-token")),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["telegram"] }),
  });
};

/** DELETE /telegram: unlink. */
export const useUnlinkTelegram = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/telegram")),
    onSuccess: () => queryClient.setQueryData(["telegram"], null),
  });
};

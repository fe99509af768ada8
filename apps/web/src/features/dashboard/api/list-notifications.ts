import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/**
 * GET /notifications: the newest notifications (Telegram deliveries and in-app messages), with
 * whether a Telegram chat is linked now (GET /telegram, read alongside): a Telegram message that
 * could not go out for want of a chat is not a failure of Cto's, and is shown as such.
 */
export const listNotifications = async () => {
  const [page, telegram] = await Promise.all([
    unwrap(api.GET("/notifications", { params: { query: { limit: 8, sort: "created" } } })),
    unwrap(api.GET("/telegram")),
  ]);
  return { ...page, telegramLinked: Boolean(telegram?.isActive && telegram.telegramChatId) };
};

export type TNotification = Awaited<ReturnType<typeof listNotifications>>["items"][number];

export const notificationsQueryOptions = () =>
  queryOptions({ queryKey: ["notifications", "recent"], queryFn: listNotifications });

export const useNotifications = () => useQuery(notificationsQueryOptions());

import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /notifications: the newest notifications (Telegram deliveries and in-app messages). */
export const listNotifications = () => unwrap(api.GET("/notifications", { params: { query: { limit: 8, sort: "created" } } }));

export type TNotification = Awaited<ReturnType<typeof listNotifications>>["items"][number];

export const notificationsQueryOptions = () => queryOptions({ queryKey: ["notifications", "recent"], queryFn: listNotifications });

export const useNotifications = () => useQuery(notificationsQueryOptions());

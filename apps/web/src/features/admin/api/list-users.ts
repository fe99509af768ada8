import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";

import type { TApiItem } from "@cto/contracts/api/endpoints";

import { api, unwrap } from "../../../lib/api-client.ts";

export type TAdminUser = TApiItem<"/admin/users">;

/** GET /admin/users: accounts newest first, 20 at a time, those whose address contains `q` when given. */
export const listUsers = (q: string, cursor?: string) =>
  unwrap(
    api.GET("/admin/users", {
      params: { query: { limit: 20, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } },
    }),
  );

export const adminUsersKey = ["admin", "users"] as const;

export const usersQueryOptions = (q: string) =>
  infiniteQueryOptions({
    queryKey: [...adminUsersKey, "list", q],
    queryFn: ({ pageParam }) => listUsers(q, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useUsers = (q: string) => useInfiniteQuery(usersQueryOptions(q));

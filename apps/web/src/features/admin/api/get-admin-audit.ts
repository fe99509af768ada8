import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";

import type { TApiItem } from "@cto/contracts/api/endpoints";

import { api, unwrap } from "../../../lib/api-client.ts";
import { adminUsersKey } from "./list-users.ts";

export type TAdminAuditEntry = TApiItem<"/admin/audit-log">;

/** GET /admin/audit-log: administrators' changes to accounts, newest first, 10 at a time. */
export const getAdminAudit = (cursor?: string) =>
  unwrap(api.GET("/admin/audit-log", { params: { query: { limit: 10, ...(cursor ? { cursor } : {}) } } }));

// Under the users key, so a change to an account reads the log again too.
export const adminAuditQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: [...adminUsersKey, "audit"],
    queryFn: ({ pageParam }) => getAdminAudit(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useAdminAudit = () => useInfiniteQuery(adminAuditQueryOptions());

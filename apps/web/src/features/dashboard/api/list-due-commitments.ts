import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { startOfToday } from "../../../lib/format.ts";

const DAY = 86_400_000;

/**
 * GET /commitments?dueBefore=<end of today>: what is due today, and what is overdue. Done and
 * skipped ones are dropped here: the API filters by one status, and open means two (pending, scheduled).
 */
export const listDueCommitments = async (now = new Date()) => {
  const page = await unwrap(
    api.GET("/commitments", { params: { query: { dueBefore: startOfToday(now) + DAY, sort: "due", limit: 50 } } }),
  );
  return page.items.filter((item) => item.status === "pending" || item.status === "scheduled");
};

export type TDueCommitment = Awaited<ReturnType<typeof listDueCommitments>>[number];

export const dueCommitmentsQueryOptions = () =>
  queryOptions({ queryKey: ["commitments", "due-today"], queryFn: () => listDueCommitments() });

export const useDueCommitments = () => useQuery(dueCommitmentsQueryOptions());

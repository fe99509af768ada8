import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

export type TGoalPeriod = "daily" | "weekly" | "monthly" | "quarterly" | "yearly";
export type TGoalStatus = "active" | "completed" | "archived";
export type TGoalFilters = { period?: TGoalPeriod | undefined; status?: TGoalStatus | undefined };
export type TGoalInput = { title: string; description: string | null; period: TGoalPeriod; progress: number; deadline: number | null };

/** GET /goals by period and status, nearest deadline first, a page of 50 at a time (the API's cursor). */
export const listGoals = ({ period, status }: TGoalFilters, cursor?: string) =>
  unwrap(api.GET("/goals", { params: { query: { sort: "deadline", limit: 50, ...(period ? { period } : {}), ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } } }));

export type TGoal = Awaited<ReturnType<typeof listGoals>>["items"][number];

export const goalsQueryOptions = (filters: TGoalFilters) =>
  infiniteQueryOptions({ queryKey: ["goals", "list", filters], queryFn: ({ pageParam }) => listGoals(filters, pageParam), initialPageParam: undefined as string | undefined, getNextPageParam: (page) => page.nextCursor ?? undefined });

export const useGoals = (filters: TGoalFilters) => useInfiniteQuery(goalsQueryOptions(filters));

/** GET /goals/{id}: one goal, for a link that opens it (a search result). */
export const useGoal = (id: string | undefined) => useQuery({ queryKey: ["goals", "one", id], queryFn: () => unwrap(api.GET("/goals/{id}", { params: { path: { id: id! } } })), enabled: Boolean(id) });

const useGoalMutation = <TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["goals"] }) });
};

/** POST /goals. */
export const useCreateGoal = () => useGoalMutation((body: TGoalInput) => unwrap(api.POST("/goals", { body })));

/** PATCH /goals/{id}: any of the fields, or the status (archive, re-open). */
export const useUpdateGoal = () => useGoalMutation(({ id, ...body }: Partial<TGoalInput> & { id: string; status?: TGoalStatus }) => unwrap(api.PATCH("/goals/{id}", { params: { path: { id } }, body })));

/** POST /goals/{id}/complete: done, at 100 %. */
export const useCompleteGoal = () => useGoalMutation((id: string) => unwrap(api.POST("/goals/{id}/complete", { params: { path: { id } } })));

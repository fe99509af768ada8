import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";

import type { TCreateGoal, ZGoalFiltersSchema, ZUpdateGoalSchema } from "@cto/contracts/api/goals";
import type { ZGoalPeriodSchema, ZGoalStatusSchema } from "@cto/contracts/enums";

import { api, unwrap } from "../../../lib/api-client.ts";

export type TGoalPeriod = z.input<typeof ZGoalPeriodSchema>;
export type TGoalStatus = z.input<typeof ZGoalStatusSchema>;
export type TGoalFilters = z.input<typeof ZGoalFiltersSchema>;

/** GET /goals by period and status, nearest deadline first, a page of 50 at a time (the API's cursor). */
export const listGoals = ({ period, status }: TGoalFilters, cursor?: string) =>
  unwrap(
    api.GET("/goals", {
      params: {
        query: {
          sort: "deadline",
          limit: 50,
          ...(period ? { period } : {}),
          ...(status ? { status } : {}),
          ...(cursor ? { cursor } : {}),
        },
      },
    }),
  );

export type TGoal = Awaited<ReturnType<typeof listGoals>>["items"][number];

export const goalsQueryOptions = (filters: TGoalFilters) =>
  infiniteQueryOptions({
    queryKey: ["goals", "list", filters],
    queryFn: ({ pageParam }) => listGoals(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useGoals = (filters: TGoalFilters) => useInfiniteQuery(goalsQueryOptions(filters));

/** GET /goals/{id}: one goal, for a link that opens it (a search result). */
export const useGoal = (id: string | undefined) =>
  useQuery({
    queryKey: ["goals", "one", id],
    queryFn: () => unwrap(api.GET("/goals/{id}", { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });

const useGoalMutation = <TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["goals"] }) });
};

/** POST /goals. */
export const useCreateGoal = () => useGoalMutation((body: TCreateGoal) => unwrap(api.POST("/goals", { body })));

/** PATCH /goals/{id}: any of the fields, or the status (archive, re-open). */
export const useUpdateGoal = () =>
  useGoalMutation(({ id, ...body }: z.input<typeof ZUpdateGoalSchema> & { id: string }) =>
    unwrap(api.PATCH("/goals/{id}", { params: { path: { id } }, body })),
  );

/** POST /goals/{id}/complete: done, at 100 %. */
export const useCompleteGoal = () =>
  useGoalMutation((id: string) => unwrap(api.POST("/goals/{id}/complete", { params: { path: { id } } })));

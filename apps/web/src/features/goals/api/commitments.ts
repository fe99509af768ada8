import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";

import type { ZCreateCommitmentSchema, ZUpdateCommitmentSchema } from "@cto/contracts/api/goals";
import type { ZReminderStatusSchema } from "@cto/contracts/enums";

import { api, unwrap } from "../../../lib/api-client.ts";

export type TCommitmentStatus = z.input<typeof ZReminderStatusSchema>;

/** A list filter: one status, or "open" (pending and scheduled: a commitment with a reminder is still open). */
export type TCommitmentFilter = TCommitmentStatus | "open";

/** GET /commitments by status (or open ones), soonest due first, a page of 50 at a time (the API's cursor). */
export const listCommitments = (status?: TCommitmentFilter, cursor?: string) =>
  unwrap(
    api.GET("/commitments", {
      params: {
        query: {
          sort: "due",
          limit: 50,
          ...(status === "open" ? { open: "true" as const } : status ? { status } : {}),
          ...(cursor ? { cursor } : {}),
        },
      },
    }),
  );

export type TCommitment = Awaited<ReturnType<typeof listCommitments>>["items"][number];

export const commitmentsQueryOptions = (status?: TCommitmentFilter) =>
  infiniteQueryOptions({
    queryKey: ["commitments", "list", status ?? "all"],
    queryFn: ({ pageParam }) => listCommitments(status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useCommitments = (status?: TCommitmentFilter) => useInfiniteQuery(commitmentsQueryOptions(status));

/** GET /commitments/{id}: one commitment, for a link that opens it (a search result). */
export const useCommitment = (id: string | undefined) =>
  useQuery({
    queryKey: ["commitments", "one", id],
    queryFn: () => unwrap(api.GET("/commitments/{id}", { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });

const useCommitmentMutation = <TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["commitments"] }) });
};

/** POST /commitments; a reminder time schedules a reminder. */
export const useCreateCommitment = () =>
  useCommitmentMutation((body: z.input<typeof ZCreateCommitmentSchema>) => unwrap(api.POST("/commitments", { body })));

/** PATCH /commitments/{id}. */
export const useUpdateCommitment = () =>
  useCommitmentMutation(({ id, ...body }: z.input<typeof ZUpdateCommitmentSchema> & { id: string }) =>
    unwrap(api.PATCH("/commitments/{id}", { params: { path: { id } }, body })),
  );

/** POST /commitments/{id}/complete or /skip. */
export const useResolveCommitment = () =>
  useCommitmentMutation(({ id, action }: { id: string; action: "complete" | "skip" }) =>
    action === "complete"
      ? unwrap(api.POST("/commitments/{id}/complete", { params: { path: { id } } }))
      : unwrap(api.POST("/commitments/{id}/skip", { params: { path: { id } } })),
  );

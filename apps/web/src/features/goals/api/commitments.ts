import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

export type TCommitmentStatus = "pending" | "scheduled" | "completed" | "skipped";
export type TCommitmentInput = { title: string; description: string | null; goalId: string | null; dueAt: number | null; remindAt: number | null };

/** GET /commitments by status, soonest due first, a page of 50 at a time (the API's cursor). */
export const listCommitments = (status?: TCommitmentStatus, cursor?: string) =>
  unwrap(api.GET("/commitments", { params: { query: { sort: "due", limit: 50, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } } }));

export type TCommitment = Awaited<ReturnType<typeof listCommitments>>["items"][number];

export const commitmentsQueryOptions = (status?: TCommitmentStatus) =>
  infiniteQueryOptions({
    queryKey: ["commitments", "list", status ?? "all"],
    queryFn: ({ pageParam }) => listCommitments(status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useCommitments = (status?: TCommitmentStatus) => useInfiniteQuery(commitmentsQueryOptions(status));

const useCommitmentMutation = <TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["commitments"] }) });
};

/** POST /commitments; a reminder time schedules a reminder. */
export const useCreateCommitment = () => useCommitmentMutation((body: TCommitmentInput) => unwrap(api.POST("/commitments", { body })));

/** PATCH /commitments/{id}. */
export const useUpdateCommitment = () => useCommitmentMutation(({ id, ...body }: Partial<TCommitmentInput> & { id: string }) => unwrap(api.PATCH("/commitments/{id}", { params: { path: { id } }, body })));

/** POST /commitments/{id}/complete or /skip. */
export const useResolveCommitment = () =>
  useCommitmentMutation(({ id, action }: { id: string; action: "complete" | "skip" }) =>
    action === "complete" ? unwrap(api.POST("/commitments/{id}/complete", { params: { path: { id } } })) : unwrap(api.POST("/commitments/{id}/skip", { params: { path: { id } } })),
  );

import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { TCreateRoutine, TRoutine, TUpdateRoutine } from "@cto/contracts/api/routines";

import { api, unwrap } from "../../../lib/api-client.ts";
import { routineKeys } from "./keys.ts";

/** POST /routines. */
export const createRoutine = async (body: TCreateRoutine) =>
  (await unwrap(api.POST("/routines", { body }))) as TRoutine;

/** PATCH /routines/{id}: an edit, a pause (enabled false) or a resume (enabled true). */
export const updateRoutine = async ({ id, body }: { id: string; body: TUpdateRoutine }) =>
  (await unwrap(api.PATCH("/routines/{id}", { params: { path: { id } }, body }))) as TRoutine;

/** DELETE /routines/{id}. */
export const deleteRoutine = (id: string) => unwrap(api.DELETE("/routines/{id}", { params: { path: { id } } }));

const useRoutineMutation = <A, R>(mutationFn: (args: A) => Promise<R>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: routineKeys.list }),
  });
};

export const useCreateRoutine = () => useRoutineMutation(createRoutine);
export const useUpdateRoutine = () => useRoutineMutation(updateRoutine);
export const useDeleteRoutine = () => useRoutineMutation(deleteRoutine);

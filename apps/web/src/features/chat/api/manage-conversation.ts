import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { ZUpdateConversationSchema } from "@cto/contracts/api/coaching";
import type { z } from "zod";

import { api, unwrap } from "../../../lib/api-client.ts";

type TUpdateConversation = z.input<typeof ZUpdateConversationSchema>;

/** PATCH /conversations/{id}: rename, pin, archive (isActive false) or choose the model. */
export const updateConversation = ({ id, ...body }: TUpdateConversation & { id: string }) =>
  unwrap(api.PATCH("/conversations/{id}", { params: { path: { id } }, body }));

/** DELETE /conversations/{id}: to the trash, from where restoreConversation brings it back (undo). */
export const trashConversation = (id: string) =>
  unwrap(api.DELETE("/conversations/{id}", { params: { path: { id }, query: { permanent: "false" } } }));

/** POST /conversations/{id}/restore. */
export const restoreConversation = (id: string) =>
  unwrap(api.POST("/conversations/{id}/restore", { params: { path: { id } } }));

const useConversationMutation = <T>(mutationFn: (input: T) => Promise<unknown>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["conversations"] }),
  });
};

export const useUpdateConversation = () => useConversationMutation(updateConversation);
export const useTrashConversation = () => useConversationMutation(trashConversation);
export const useRestoreConversation = () => useConversationMutation(restoreConversation);

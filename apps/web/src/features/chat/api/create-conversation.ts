import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** POST /conversations: a new thread; the title is set from the first message. */
export const createConversation = (title: string | null) => unwrap(api.POST("/conversations", { body: { title } }));

export const useCreateConversation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createConversation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["conversations"] }),
  });
};

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

export type TNotificationAction = "seen" | "acted";

/** POST /notifications/{id}/seen or /acted (acted also marks it seen). Repeating one changes nothing. */
export const updateNotification = ({ id, action }: { id: string; action: TNotificationAction }) =>
  action === "seen"
    ? unwrap(api.POST("/notifications/{id}/seen", { params: { path: { id } } }))
    : unwrap(api.POST("/notifications/{id}/acted", { params: { path: { id } } }));

export const useUpdateNotification = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNotification,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  });
};

import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { TApiBody } from "@cto/contracts/api/endpoints";

import { api, unwrap } from "../../../lib/api-client.ts";
import { adminUsersKey } from "./list-users.ts";

export type TUserChange = TApiBody<"/admin/users/{id}", "patch">;

/** PATCH /admin/users/{id}: disable, re-enable or change the role; the list and the audit log are read again. */
export const useUpdateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: TUserChange }) =>
      unwrap(api.PATCH("/admin/users/{id}", { params: { path: { id } }, body: change })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminUsersKey }),
  });
};

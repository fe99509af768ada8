import { useMutation } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** POST /unsubscribe?token=…: turns nudge emails off for the user the email's link was made for (no sign-in). */
export const unsubscribe = (token: string) => unwrap(api.POST("/unsubscribe", { params: { query: { token } } }));

export const useUnsubscribe = () => useMutation({ mutationFn: unsubscribe });

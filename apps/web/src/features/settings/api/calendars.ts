import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import type { TCalendarOAuthProvider, TConnectCalendar } from "@cto/contracts/api/calendars";

import { api, unwrap } from "../../../lib/api-client.ts";

const KEY = ["calendars"] as const;

/** GET /calendars: connected calendars with their sync status. */
export const listCalendars = () => unwrap(api.GET("/calendars"));
export type TCalendar = Awaited<ReturnType<typeof listCalendars>>["items"][number];

// While a sync is queued or running the status changes on its own: poll gently.
export const calendarsQueryOptions = () =>
  queryOptions({ queryKey: KEY, queryFn: listCalendars, refetchInterval: 10_000 });
export const useCalendars = () => useQuery(calendarsQueryOptions());

const useCalendarMutation = <TInput>(mutationFn: (input: TInput) => Promise<unknown>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }) });
};

/** POST /calendars: connect by CalDAV or an ICS subscription; a first sync is queued. */
export const useConnectCalendar = () =>
  useCalendarMutation((body: TConnectCalendar) => unwrap(api.POST("/calendars", { body })));

/** POST /calendars/{id}/sync: sync now. */
export const useSyncCalendar = () =>
  useCalendarMutation((id: string) => unwrap(api.POST("/calendars/{id}/sync", { params: { path: { id } } })));

/** DELETE /calendars/{id}: disconnect; the events synced from it are deleted. */
export const useDisconnectCalendar = () =>
  useCalendarMutation((id: string) => unwrap(api.DELETE("/calendars/{id}", { params: { path: { id } } })));

/**
 * POST /calendars/oauth/{provider}/start: the provider's consent page, where the browser goes next; it
 * comes back to Settings (?calendar=connected, or ?calendar_error=<reason>).
 */
export const useConnectCalendarWith = () =>
  useMutation({
    mutationFn: (provider: TCalendarOAuthProvider) =>
      unwrap(api.POST("/calendars/oauth/{provider}/start", { params: { path: { provider } } })),
    onSuccess: ({ url }) => window.location.assign(url),
  });

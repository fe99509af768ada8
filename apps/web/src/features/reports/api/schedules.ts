import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import type { TUpdateUserSchedule, TUserSchedule, TUserScheduleList } from "@cto/contracts/api/schedules";

import { api, unwrap } from "../../../lib/api-client.ts";

export type { TUserSchedule };

const scheduleKeys = { list: ["schedules"] as const };

/** GET /schedules: the user's three schedules (weekly report, consistency scores, weekly story). */
export const listSchedules = async () => ((await unwrap(api.GET("/schedules"))) as TUserScheduleList).items;

export const schedulesQueryOptions = () => queryOptions({ queryKey: scheduleKeys.list, queryFn: listSchedules });

export const useSchedules = () => useQuery(schedulesQueryOptions());

/** PATCH /schedules/{id}: a pause, a resume, or a new weekday or hour. */
export const updateSchedule = async ({ id, body }: { id: string; body: TUpdateUserSchedule }) =>
  (await unwrap(api.PATCH("/schedules/{id}", { params: { path: { id } }, body }))) as TUserSchedule;

export const useUpdateSchedule = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSchedule,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduleKeys.list }),
  });
};

import { queryOptions, useQuery } from "@tanstack/react-query";

import { MAX_ROUTINES_PER_USER, type TRoutine } from "@cto/contracts/api/routines";

import { api, unwrap } from "../../../lib/api-client.ts";
import { routineKeys } from "./keys.ts";

export type { TRoutine };

/** GET /routines: a user keeps at most MAX_ROUTINES_PER_USER, so one page holds them all. */
export const listRoutines = async () =>
  (await unwrap(api.GET("/routines", { params: { query: { limit: MAX_ROUTINES_PER_USER } } }))).items as TRoutine[];

export const routinesQueryOptions = () => queryOptions({ queryKey: routineKeys.list, queryFn: listRoutines });

export const useRoutines = () => useQuery(routinesQueryOptions());

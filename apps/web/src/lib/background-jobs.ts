import { queryOptions, useQuery } from "@tanstack/react-query";

import type { TReadiness as TApiReadiness } from "@cto/contracts/api/health";

import { apiFetch } from "./api-client.ts";
import { i18n } from "./i18n/index.ts";

/** GET /ready's word on the background queues (Redis) and the workers serving them. */
type TReadiness = Partial<Pick<TApiReadiness, "queues" | "workers">>;

/**
 * Whether anything scheduled now will run: reminders, reports and screenshot reading are done by the
 * worker through the queue. "down": no Redis, or no worker serving it; "unknown": the API could not
 * say (then the pages promise nothing either way).
 */
export type TBackgroundJobs = "running" | "down" | "unknown";

export const readBackgroundJobs = (readiness: TReadiness | null): TBackgroundJobs => {
  if (!readiness?.queues) return "unknown";
  if (readiness.queues !== "ok") return "down";
  return readiness.workers === 0 ? "down" : "running";
};

const getReadiness = async () => {
  try {
    return readBackgroundJobs((await (await apiFetch("/ready")).json()) as TReadiness);
  } catch {
    return "unknown" as const;
  }
};

export const backgroundJobsQueryOptions = () =>
  queryOptions({ queryKey: ["ready", "background-jobs"], queryFn: getReadiness, staleTime: 15_000 });

export const useBackgroundJobs = () => useQuery(backgroundJobsQueryOptions()).data ?? "unknown";

/** What a saved reminder will do, in words, given the background jobs. */
export const reminderOutlook = (jobs: TBackgroundJobs) =>
  jobs === "down" ? i18n.t("common.reminderOutlookDown") : null;

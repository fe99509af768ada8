import { UnrecoverableError } from "bullmq";

import { syncCalendar } from "../services/calendars/sync.ts";
import type { TProcessor } from "./processor.ts";

/**
 * One connected calendar synced with its upstream (services/calendars/sync.ts). A server that fails or
 * times out throws, and BullMQ retries with backoff; what was synced before stays as it was.
 */
export const processCalendarSync: TProcessor<"calendars", "sync"> = async (
  job,
  { db, log, now, secrets, calendarTimeoutMs, calendarAllowPrivateNetworks = false, calendarOAuth = [] },
) => {
  if (!secrets) throw new UnrecoverableError("calendars/sync needs the secret box (CTO_ENCRYPTION_KEY) in its deps");
  const result = await syncCalendar({
    db,
    secrets,
    connectionId: job.data.connectionId,
    now: now(),
    ...(calendarTimeoutMs ? { timeoutMs: calendarTimeoutMs } : {}),
    allowPrivateNetworks: calendarAllowPrivateNetworks,
    oauth: calendarOAuth,
  });
  if (result.outcome === "failed") log.warn("calendar sync failed", { connectionId: job.data.connectionId, ...result });
  else if (result.outcome === "synced" && !result.unchanged)
    log.info("calendar synced", { connectionId: job.data.connectionId, ...result });
  return result;
};

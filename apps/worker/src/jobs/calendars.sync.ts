import { UnrecoverableError } from "bullmq";

import { bringHeldRemindersForward } from "@cto/core/reminders";

import { syncCalendar } from "../services/calendars/sync.ts";
import type { TProcessor } from "./processor.ts";

/**
 * One connected calendar synced with its upstream (services/calendars/sync.ts). A server that fails or
 * times out throws, and BullMQ retries with backoff; what was synced before stays as it was. Once
 * something changed, reminders a meeting held may go sooner (a meeting cancelled, moved or shortened):
 * the user's held reminders are timed again.
 */
export const processCalendarSync: TProcessor<"calendars", "sync"> = async (
  job,
  { db, queues, log, now, secrets, calendarTimeoutMs, calendarAllowPrivateNetworks = false, calendarOAuth = [] },
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
  if (result.outcome !== "synced" || result.unchanged) return result;
  const remindersForward = await bringHeldRemindersForward({ db, queues, userId: result.userId, now: now() });
  log.info("calendar synced", { connectionId: job.data.connectionId, ...result, remindersForward });
  return { ...result, remindersForward };
};

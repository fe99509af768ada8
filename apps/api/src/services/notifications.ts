import { ZNotificationFiltersSchema, ZReminderScheduleFiltersSchema } from "@cto/contracts/api/channels";
import type { Db } from "@cto/db/client";

import { resourceService } from "./resource.ts";
import { findOwned, transitionOwned } from "./rows.ts";

/** The proactive messages the worker sends (notifications) and the reminder schedules behind them: the user reads them, only the worker writes them. */

export const notificationService = resourceService({
  name: "notifications",
  model: (db) => db.proactiveMessage,
  filters: ZNotificationFiltersSchema,
  where: ({ status, channel, unseen }) => ({ status, channel, ...(unseen === "true" ? { seenAt: null } : {}) }),
  sorts: { created: [{ createdAt: "desc" }], scheduled: [{ scheduledFor: { sort: "asc", nulls: "last" } }] },
});

export const reminderScheduleService = resourceService({
  name: "reminder schedules",
  model: (db) => db.reminderSchedule,
  filters: ZReminderScheduleFiltersSchema,
  where: ({ kind, status }) => ({ kind, status }),
  sorts: { nextRun: [{ nextRunAt: { sort: "asc", nulls: "last" } }] },
});

export type TNotificationAction = "seen" | "acted" | "cancel";

/**
 * What the user did with a notification: saw it, acted on it (which counts as seen too), or cancelled
 * it while still pending (409 otherwise). Seen and acted-on keep their first time: repeating the call changes nothing.
 */
export const markNotification = async ({
  db,
  userId,
  id,
  action,
}: {
  db: Db;
  userId: string;
  id: string;
  action: TNotificationAction;
}) => {
  const owned = { id, userId, noun: "notification" };
  if (action === "cancel")
    return transitionOwned(db.proactiveMessage, owned, {
      from: ["PENDING"],
      data: { status: "CANCELLED" },
      refusal: (status) => `Only a pending notification can be cancelled; this one is ${status.toLowerCase()}.`,
    });
  const message = await findOwned(db.proactiveMessage, owned);
  return db.proactiveMessage.update({
    where: { id },
    data: {
      ...(message.seenAt ? {} : { seenAt: new Date() }),
      ...(action === "acted" && !message.actedAt ? { actedAt: new Date() } : {}),
    },
  });
};

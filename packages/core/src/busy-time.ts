import { deliveryTime, type TReminderPreferences } from "./working-hours.ts";

/** An `Event` row as far as busy time reads it: synced from a calendar or typed into Cto alike. */
export type TCalendarEvent = {
  startsAt: Date;
  endsAt: Date | null;
  allDay: boolean;
  /** TENTATIVE, CONFIRMED or CANCELLED. */
  status: string;
  /** meeting, call, travel, deadline. */
  type: string;
  /** A synced event marked free upstream (iCalendar TRANSP:TRANSPARENT) carries `{ transparency: "TRANSPARENT" }`. */
  metadata?: unknown;
};

/** Blocks longer than this (a conference, a holiday typed with times) are not waited out: they mark days, not a meeting. */
export const MAX_BUSY_BLOCK_MS = 24 * 60 * 60 * 1000;
/** How far past its due moment a reminder may be pushed by the calendar; events are loaded over this horizon. */
export const BUSY_HORIZON_MS = 48 * 60 * 60 * 1000;
/** Most events one reminder follows, back to back or overlapping, before it is delivered where the walk stopped. */
export const MAX_BUSY_HOPS = 20;

const isTransparent = (metadata: unknown) =>
  Boolean(metadata) &&
  typeof metadata === "object" &&
  (metadata as Record<string, unknown>).transparency === "TRANSPARENT";

/**
 * Whether an event makes the user busy: a time range (not all-day, with an end after its start, at most a day long),
 * not cancelled, not marked free, and not a deadline (a due moment, not time spent). Tentative events count as busy,
 * as free/busy lookups treat them.
 */
export const isBusyEvent = (event: TCalendarEvent): event is TCalendarEvent & { endsAt: Date } => {
  if (event.allDay || !event.endsAt || event.status === "CANCELLED" || event.type === "deadline") return false;
  if (isTransparent(event.metadata)) return false;
  const length = event.endsAt.getTime() - event.startsAt.getTime();
  return length > 0 && length <= MAX_BUSY_BLOCK_MS;
};

/**
 * When a reminder due at `at` is delivered: inside the user's working hours (`deliveryTime`) and not during a busy
 * event. A moment inside one (start inclusive, end exclusive) moves to the latest end among the events covering it,
 * then back into working hours, and again while that lands in another event — so back-to-back and overlapping
 * meetings are followed. Bounded: after `MAX_BUSY_HOPS` events, or once past `at + BUSY_HORIZON_MS`, the moment
 * reached is kept, so a calendar booked solid delays a reminder but never swallows it.
 */
export const reminderDeliveryTime = (
  at: Date,
  preferences: Pick<TReminderPreferences, "timezone" | "workingHours">,
  events: readonly TCalendarEvent[],
): Date => {
  const busy = events.filter(isBusyEvent);
  const horizon = at.getTime() + BUSY_HORIZON_MS;
  let moment = deliveryTime(at, preferences);
  for (let hop = 0; hop < MAX_BUSY_HOPS && moment.getTime() <= horizon; hop++) {
    const time = moment.getTime();
    let end = 0;
    for (const event of busy)
      if (event.startsAt.getTime() <= time && event.endsAt.getTime() > time)
        end = Math.max(end, event.endsAt.getTime());
    if (end === 0) return moment;
    moment = deliveryTime(new Date(end), preferences);
  }
  return moment;
};

/** A Prisma `where` for the user's events that may matter to a reminder due at `at` (the rest is `isBusyEvent`'s). */
export const busyEventsWhere = (userId: string, at: Date) => ({
  userId,
  deletedAt: null,
  allDay: false,
  status: { not: "CANCELLED" as const },
  endsAt: { gt: at },
  startsAt: { lt: new Date(at.getTime() + BUSY_HORIZON_MS) },
});

export const BUSY_EVENT_SELECT = {
  startsAt: true,
  endsAt: true,
  allDay: true,
  status: true,
  type: true,
  metadata: true,
} as const;

import ICAL from "ical.js";

/** How far around now synced events reach: recurring events are expanded over it, others outside it are left out. */
export const SYNC_WINDOW = { pastDays: 30, futureDays: 365 } as const;
// A rule like "every minute forever" must not stall a sync: at most this many occurrences per event.
const MAX_OCCURRENCES = 1_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type TWindow = { start: Date; end: Date };
export const syncWindow = (now: Date): TWindow => ({
  start: new Date(now.getTime() - SYNC_WINDOW.pastDays * DAY_MS),
  end: new Date(now.getTime() + SYNC_WINDOW.futureDays * DAY_MS),
});

/** One occurrence as a row of `events` needs it; `key` is unique within the connection. */
export type TOccurrence = {
  key: string;
  title: string;
  description: string | null;
  location: string | null;
  virtualUrl: string | null;
  startsAt: Date;
  endsAt: Date | null;
  allDay: boolean;
  status: "TENTATIVE" | "CONFIRMED" | "CANCELLED";
  /** `{ transparency: "TRANSPARENT" }` for an event marked free (TRANSP), which reminders do not wait out; else `{}`. */
  metadata?: { transparency?: "TRANSPARENT" };
};

/** Upstream text that is not iCalendar; the connection shows `message`, and retrying cannot fix it. */
export class MalformedCalendarError extends Error {}

/** Parses iCalendar text and registers its time zones, so local times convert to the right instants. */
export const parseCalendar = (text: string): ICAL.Component => {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (error) {
    throw new MalformedCalendarError(`The calendar is not valid iCalendar: ${(error as Error).message}`);
  }
  if (root.name !== "vcalendar") throw new MalformedCalendarError("The calendar is not valid iCalendar: no VCALENDAR.");
  for (const zone of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return root;
};

const statusOf = (value: unknown): TOccurrence["status"] =>
  value === "CANCELLED" || value === "TENTATIVE" ? value : "CONFIRMED";

const httpUrl = (value: unknown) => (typeof value === "string" && /^https?:\/\//i.test(value) ? value : null);

const occurrence = (key: string, item: ICAL.Event, start: ICAL.Time, end: ICAL.Time | null): TOccurrence => {
  const startsAt = start.toJSDate();
  const endsAt = end ? end.toJSDate() : null;
  return {
    key,
    title: item.summary?.trim() || "(no title)",
    description: item.description?.trim() || null,
    location: item.location?.trim() || null,
    virtualUrl: httpUrl(item.component.getFirstPropertyValue("url")),
    startsAt,
    endsAt: endsAt && endsAt >= startsAt ? endsAt : null,
    allDay: start.isDate,
    status: statusOf(item.component.getFirstPropertyValue("status")),
    metadata: item.component.getFirstPropertyValue("transp") === "TRANSPARENT" ? { transparency: "TRANSPARENT" } : {},
  };
};

const overlaps = (item: TOccurrence, window: TWindow) =>
  item.startsAt < window.end && (item.endsAt ?? item.startsAt) >= window.start;

/**
 * The occurrences of one event (its VEVENTs sharing a UID: the master and its changed instances)
 * within `window`. A single event's key is its UID; an instance's, the UID and its RECURRENCE-ID.
 */
export const occurrencesOf = (vevents: ICAL.Component[], window: TWindow): TOccurrence[] => {
  const events = vevents.map((component) => new ICAL.Event(component));
  const master = events.find((event) => !event.isRecurrenceException());
  const uid = (master ?? events[0])?.uid;
  if (!uid) return [];
  const results: TOccurrence[] = [];
  if (master?.isRecurring()) {
    for (const exception of events) if (exception !== master) master.relateException(exception);
    const iterator = master.iterator();
    for (let count = 0, next = iterator.next(); next && count < MAX_OCCURRENCES; next = iterator.next(), count++) {
      if (next.toJSDate() >= window.end) break;
      const details = master.getOccurrenceDetails(next);
      const item = occurrence(
        `${uid}#${details.recurrenceId.toJSDate().toISOString()}`,
        details.item,
        details.startDate,
        details.endDate,
      );
      if (overlaps(item, window)) results.push(item);
    }
    return results;
  }
  for (const event of events) {
    const recurrenceId = event.recurrenceId;
    const key = recurrenceId ? `${uid}#${recurrenceId.toJSDate().toISOString()}` : uid;
    const item = occurrence(key, event, event.startDate, event.endDate);
    if (overlaps(item, window)) results.push(item);
  }
  return results;
};

/** A calendar's VEVENTs grouped by UID (a feed holds many events; a CalDAV resource one). */
export const eventsByUid = (root: ICAL.Component): Map<string, ICAL.Component[]> => {
  const groups = new Map<string, ICAL.Component[]>();
  for (const component of root.getAllSubcomponents("vevent")) {
    const uid = component.getFirstPropertyValue("uid");
    if (typeof uid !== "string" || uid === "") continue;
    groups.set(uid, [...(groups.get(uid) ?? []), component]);
  }
  return groups;
};

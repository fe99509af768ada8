import { z } from "zod";

import { windowDay, type TChanges } from "./changes.ts";
import { MalformedCalendarError, syncWindow, type TOccurrence, type TWindow } from "./expand.ts";
import { CalendarUnreachableError } from "./http.ts";
import { readPages, type TOAuthReadInput, type TTokenSession } from "./oauth.ts";

export const ZMicrosoftCursorSchema = z.object({
  windowDay: z.string().optional(),
  /** calendarView/delta's @odata.deltaLink: the next sync asks only for what changed since. */
  deltaLink: z.string().optional(),
});
export type TMicrosoftCursor = z.infer<typeof ZMicrosoftCursorSchema>;

const ZWhenSchema = z.object({ dateTime: z.string() }).nullish();
const ZGraphEventSchema = z.object({
  id: z.string().min(1),
  subject: z.string().nullish(),
  bodyPreview: z.string().nullish(),
  location: z.object({ displayName: z.string().nullish() }).nullish(),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
  onlineMeetingUrl: z.string().nullish(),
  start: ZWhenSchema,
  end: ZWhenSchema,
  isAllDay: z.boolean().nullish(),
  isCancelled: z.boolean().nullish(),
  showAs: z.string().nullish(),
});
const ZRemovedSchema = z.object({ id: z.string().min(1), "@removed": z.unknown().refine((value) => value != null) });
const ZPageSchema = z
  .object({
    value: z.array(z.unknown()).default([]),
    "@odata.nextLink": z.string().optional(),
    "@odata.deltaLink": z.string().optional(),
  })
  .transform((page) => ({ items: page.value, next: page["@odata.nextLink"], end: page["@odata.deltaLink"] }));

const MAX_PAGES = 2_000;
// Times in UTC (Graph's default is the event's own zone, named apart from the time), and pages of 200.
const HEADERS = { prefer: 'outlook.timezone="UTC", odata.maxpagesize=200' };

/** Graph's "2026-12-08T09:00:00.0000000" (in UTC, as asked): seven decimals and no zone. */
const utc = (dateTime: string) => {
  const [whole = "", fraction = ""] = dateTime.replace(/(Z|[+-]\d\d:\d\d)$/, "").split(".");
  return new Date(`${whole}.${fraction.padEnd(3, "0").slice(0, 3)}Z`);
};

const httpUrl = (value: string | null | undefined) => (value && /^https?:\/\//i.test(value) ? value : null);

const occurrenceOf = (event: z.infer<typeof ZGraphEventSchema>, window: TWindow): TOccurrence[] => {
  if (!event.start) return [];
  const startsAt = utc(event.start.dateTime);
  if (Number.isNaN(startsAt.getTime())) return [];
  const end = event.end ? utc(event.end.dateTime) : null;
  const endsAt = end && !Number.isNaN(end.getTime()) && end >= startsAt ? end : null;
  if (startsAt >= window.end || (endsAt ?? startsAt) < window.start) return [];
  // Shown as free: reminders need not wait it out (an ICS event's TRANSP:TRANSPARENT).
  const free = { metadata: event.showAs === "free" ? { transparency: "TRANSPARENT" as const } : {} };
  return [
    {
      key: event.id,
      title: event.subject?.trim() || "(no title)",
      description: event.bodyPreview?.trim() || null,
      location: event.location?.displayName?.trim() || null,
      virtualUrl: httpUrl(event.onlineMeeting?.joinUrl ?? event.onlineMeetingUrl),
      startsAt,
      endsAt,
      allDay: event.isAllDay === true,
      status: event.isCancelled ? "CANCELLED" : event.showAs === "tentative" ? "TENTATIVE" : "CONFIRMED",
      ...free,
    },
  ];
};

/** Every page from `start` to the delta link; "gone" when Graph no longer knows the delta token (410). */
const readDelta = (session: TTokenSession, apiUrl: string, start: string) => {
  const origin = new URL(apiUrl).origin;
  return readPages({
    session,
    urlOf: (next) => {
      const url = next ?? start;
      // The links come from the answer: the token goes nowhere but Graph's own origin.
      if (new URL(url).origin !== origin)
        throw new MalformedCalendarError(`Microsoft Graph pointed the sync at another host (${new URL(url).host}).`);
      return url;
    },
    headers: HEADERS,
    page: ZPageSchema,
    maxPages: MAX_PAGES,
    provider: "Microsoft 365",
    api: "Microsoft Graph",
    ending: "a delta link",
  });
};

/**
 * Reads the default Microsoft 365 calendar through calendarView/delta over the sync window: with
 * today's delta link, only what changed since (items marked @removed are removed); otherwise — the
 * first sync, a new day (the window moves), or a delta link Graph has forgotten (410) — the whole
 * window, as a complete listing.
 */
export const readMicrosoftCalendar = async ({
  session,
  apiUrl,
  cursor,
  now,
}: TOAuthReadInput<TMicrosoftCursor>): Promise<TChanges<TMicrosoftCursor>> => {
  const day = windowDay(now);
  const window = syncWindow(now);
  const toChanges = (items: unknown[], complete: boolean) => {
    const changed: TChanges<unknown>["changed"] = [];
    const removed: string[] = [];
    for (const item of items) {
      const removal = ZRemovedSchema.safeParse(item);
      if (removal.success) removed.push(removal.data.id);
      else {
        const event = ZGraphEventSchema.safeParse(item);
        if (event.success) changed.push({ object: event.data.id, occurrences: occurrenceOf(event.data, window) });
      }
    }
    return complete ? { changed, removed: [], complete } : { changed, removed };
  };
  if (cursor.deltaLink && cursor.windowDay === day) {
    const delta = await readDelta(session, apiUrl, cursor.deltaLink);
    if (delta !== "gone") return { ...toChanges(delta.items, false), cursor: { windowDay: day, deltaLink: delta.end } };
  }
  const query = new URLSearchParams({
    startDateTime: window.start.toISOString(),
    endDateTime: window.end.toISOString(),
  });
  const delta = await readDelta(session, apiUrl, `${apiUrl}/me/calendarView/delta?${query}`);
  if (delta === "gone") throw new CalendarUnreachableError("Microsoft Graph answered 410 to a full listing.");
  return { ...toChanges(delta.items, true), cursor: { windowDay: day, deltaLink: delta.end } };
};

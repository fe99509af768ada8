import { z } from "zod";

import { windowDay, type TChanges } from "./changes.ts";
import { syncWindow, type TOccurrence, type TWindow } from "./expand.ts";
import { CalendarUnreachableError } from "./http.ts";
import { readPages, type TOAuthReadInput, type TTokenSession } from "./oauth.ts";

export const ZGoogleCursorSchema = z.object({
  windowDay: z.string().optional(),
  /** events.list's nextSyncToken: the next sync asks only for what changed since. */
  syncToken: z.string().optional(),
});
export type TGoogleCursor = z.infer<typeof ZGoogleCursorSchema>;

const ZWhenSchema = z.object({ dateTime: z.string().optional(), date: z.string().optional() }).optional();
const ZGoogleEventSchema = z.object({
  id: z.string().min(1),
  status: z.string().optional(),
  summary: z.string().optional(),
  description: z.string().optional(),
  location: z.string().optional(),
  hangoutLink: z.string().optional(),
  transparency: z.string().optional(),
  start: ZWhenSchema,
  end: ZWhenSchema,
});
const ZPageSchema = z
  .object({
    items: z.array(z.unknown()).default([]),
    nextPageToken: z.string().optional(),
    nextSyncToken: z.string().optional(),
  })
  .transform((page) => ({ items: page.items, next: page.nextPageToken, end: page.nextSyncToken }));

// Google's largest page; a listing longer than this many pages is taken for a misbehaving server.
const PAGE_SIZE = 2_500;
const MAX_PAGES = 400;

const instantOf = (when: { dateTime?: string | undefined; date?: string | undefined } | undefined) => {
  if (when?.dateTime) return { at: new Date(when.dateTime), allDay: false };
  if (when?.date) return { at: new Date(`${when.date}T00:00:00Z`), allDay: true };
  return null;
};

const httpUrl = (value: string | undefined) => (value && /^https?:\/\//i.test(value) ? value : null);

/** One Google event (singleEvents: an instance of a recurring one is an event of its own) within `window`. */
const occurrenceOf = (event: z.infer<typeof ZGoogleEventSchema>, window: TWindow): TOccurrence[] => {
  const start = instantOf(event.start);
  if (!start || Number.isNaN(start.at.getTime())) return [];
  const end = instantOf(event.end)?.at ?? null;
  const endsAt = end && !Number.isNaN(end.getTime()) && end >= start.at ? end : null;
  if (start.at >= window.end || (endsAt ?? start.at) < window.start) return [];
  // Marked free: reminders need not wait it out (an ICS event's TRANSP:TRANSPARENT).
  const free = { metadata: event.transparency === "transparent" ? { transparency: "TRANSPARENT" as const } : {} };
  return [
    {
      key: event.id,
      title: event.summary?.trim() || "(no title)",
      description: event.description?.trim() || null,
      location: event.location?.trim() || null,
      virtualUrl: httpUrl(event.hangoutLink),
      startsAt: start.at,
      endsAt,
      allDay: start.allDay,
      status: event.status === "tentative" ? "TENTATIVE" : "CONFIRMED",
      ...free,
    },
  ];
};

/** Every page of one events.list; "gone" when Google no longer knows the sync token (410). */
const listAll = (session: TTokenSession, apiUrl: string, params: Record<string, string>) =>
  readPages({
    session,
    urlOf: (pageToken) => {
      const query = new URLSearchParams({ ...params, singleEvents: "true", maxResults: String(PAGE_SIZE) });
      if (pageToken) query.set("pageToken", pageToken);
      return `${apiUrl}/calendars/primary/events?${query}`;
    },
    page: ZPageSchema,
    maxPages: MAX_PAGES,
    provider: "Google Calendar",
    api: "Google Calendar",
    ending: "a sync token",
  });

/**
 * Reads the primary Google calendar: with a sync token from today, only what changed since
 * (cancelled events are removed); otherwise — the first sync, a new day (the window moves), or a
 * sync token Google has forgotten (410 Gone) — every event from the window's start, as a complete listing.
 */
export const readGoogleCalendar = async ({
  session,
  apiUrl,
  cursor,
  now,
}: TOAuthReadInput<TGoogleCursor>): Promise<TChanges<TGoogleCursor>> => {
  const day = windowDay(now);
  const window = syncWindow(now);
  if (cursor.syncToken && cursor.windowDay === day) {
    const listing = await listAll(session, apiUrl, { syncToken: cursor.syncToken });
    if (listing !== "gone") {
      const changed: TChanges<unknown>["changed"] = [];
      const removed: string[] = [];
      for (const item of listing.items) {
        const event = ZGoogleEventSchema.safeParse(item);
        if (!event.success) continue;
        if (event.data.status === "cancelled") removed.push(event.data.id);
        else changed.push({ object: event.data.id, occurrences: occurrenceOf(event.data, window) });
      }
      return { changed, removed, cursor: { windowDay: day, syncToken: listing.end } };
    }
  }
  const listing = await listAll(session, apiUrl, { timeMin: window.start.toISOString() });
  if (listing === "gone") throw new CalendarUnreachableError("Google Calendar answered 410 to a full listing.");
  const changed: TChanges<unknown>["changed"] = [];
  for (const item of listing.items) {
    const event = ZGoogleEventSchema.safeParse(item);
    if (!event.success || event.data.status === "cancelled") continue;
    changed.push({ object: event.data.id, occurrences: occurrenceOf(event.data, window) });
  }
  return { changed, removed: [], complete: true, cursor: { windowDay: day, syncToken: listing.end } };
};

import { createDAVClient, type DAVCalendar } from "tsdav";
import { z } from "zod";

import { windowDay, type TChanges } from "./changes.ts";
import { eventsByUid, occurrencesOf, parseCalendar, syncWindow } from "./expand.ts";
import { failureOf, fetchWithTimeout, type TOutboundOptions } from "./http.ts";

const ZCalendarStateSchema = z.object({
  ctag: z.string().optional(),
  /** Resource href → its ETag at the last sync. */
  objects: z.record(z.string(), z.string()).default({}),
});

export const ZCalDavCursorSchema = z.object({
  windowDay: z.string().optional(),
  /** Per calendar of the account (its URL): the collection's ctag and its resources' ETags. */
  calendars: z.record(z.string(), ZCalendarStateSchema).default({}),
});
export type TCalDavCursor = z.infer<typeof ZCalDavCursorSchema>;

/**
 * tsdav reads a failed PROPFIND or REPORT as an empty collection; an empty answer would then delete
 * every synced event. Refusals and server errors are thrown here instead, before tsdav sees them.
 */
const strictFetch =
  (outbound: TOutboundOptions): typeof fetch =>
  async (input, init) => {
    const response = await fetchWithTimeout(outbound)(input, init);
    if (response.status === 401 || response.status === 403 || response.status >= 500) {
      await response.body?.cancel();
      throw failureOf(response.status);
    }
    return response;
  };

const isEventCalendar = (calendar: DAVCalendar) =>
  !calendar.components || calendar.components.length === 0 || calendar.components.includes("VEVENT");

/**
 * Reads every event calendar of a CalDAV account: a calendar whose ctag is unchanged is skipped; in
 * the others, resources are listed with their ETags and only new or changed ones are downloaded
 * (calendar-multiget). Resources and calendars no longer listed are reported removed. Null: nothing to do.
 */
export const readCalDavAccount = async ({
  serverUrl,
  username,
  password,
  cursor,
  now,
  outbound,
}: {
  serverUrl: string;
  username: string;
  password: string;
  cursor: TCalDavCursor;
  now: Date;
  /** The timeout, and whether private networks may be reached (every request, tsdav's included, goes through it). */
  outbound: TOutboundOptions;
}): Promise<TChanges<TCalDavCursor> | null> => {
  const fetch = strictFetch(outbound);
  const client = await createDAVClient({
    serverUrl,
    credentials: { username, password },
    authMethod: "Basic",
    defaultAccountType: "caldav",
    fetch,
  });
  const calendars = (await client.fetchCalendars()).filter(isEventCalendar);
  const day = windowDay(now);
  const sameWindow = cursor.windowDay === day;
  const window = syncWindow(now);
  const next: TCalDavCursor = { windowDay: day, calendars: {} };
  const changed: TChanges<TCalDavCursor>["changed"] = [];
  const removed: string[] = [];
  for (const calendar of calendars) {
    const known = cursor.calendars[calendar.url] ?? { objects: {} };
    if (sameWindow && calendar.ctag && known.ctag === calendar.ctag) {
      next.calendars[calendar.url] = known;
      continue;
    }
    const listing = await client.calendarQuery({
      url: calendar.url,
      props: { "d:getetag": {} },
      filters: {
        "comp-filter": { _attributes: { name: "VCALENDAR" }, "comp-filter": { _attributes: { name: "VEVENT" } } },
      },
      depth: "1",
    });
    const etags: Record<string, string> = {};
    for (const entry of listing) {
      if (!entry.href || entry.status === 404) continue;
      etags[new URL(entry.href, calendar.url).pathname] = String(entry.props?.getetag ?? "");
    }
    const stale = Object.keys(etags).filter((href) => !sameWindow || known.objects[href] !== etags[href]);
    const objects = stale.length
      ? await client.fetchCalendarObjects({ calendar, objectUrls: stale, urlFilter: () => true, useMultiGet: true })
      : [];
    for (const object of objects) {
      const href = new URL(object.url).pathname;
      if (typeof object.data !== "string") continue;
      const occurrences = [...eventsByUid(parseCalendar(object.data)).values()].flatMap((vevents) =>
        occurrencesOf(vevents, window),
      );
      changed.push({ object: href, occurrences });
      if (object.etag) etags[href] = object.etag;
    }
    removed.push(...Object.keys(known.objects).filter((href) => !(href in etags)));
    next.calendars[calendar.url] = { ...(calendar.ctag ? { ctag: calendar.ctag } : {}), objects: etags };
  }
  // A calendar deleted upstream takes its events with it.
  for (const [url, state] of Object.entries(cursor.calendars))
    if (!(url in next.calendars)) removed.push(...Object.keys(state.objects));
  return { changed, removed, cursor: next };
};

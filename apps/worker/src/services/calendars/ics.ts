import { createHash } from "node:crypto";

import { z } from "zod";

import { windowDay, type TChanges } from "./changes.ts";
import { eventsByUid, MalformedCalendarError, occurrencesOf, parseCalendar, syncWindow } from "./expand.ts";
import { failureOf, fetchWithTimeout, type TOutboundOptions } from "./http.ts";

// A feed larger than this is refused rather than parsed in a worker shared with other jobs.
const MAX_FEED_BYTES = 20 * 1024 * 1024;

export const ZIcsCursorSchema = z.object({
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  windowDay: z.string().optional(),
  /** UID → a hash of its VEVENTs' text: an event is rewritten only when its text changed. */
  objects: z.record(z.string(), z.string()).default({}),
});
export type TIcsCursor = z.infer<typeof ZIcsCursorSchema>;

const hashOf = (text: string) => createHash("sha256").update(text).digest("base64url");

/**
 * Reads an ICS subscription: a conditional GET (ETag, Last-Modified) that answers 304 when nothing
 * changed, then a per-UID comparison of the events' text with the last sync's. Null: nothing to do.
 */
export const readIcsFeed = async ({
  url,
  cursor,
  now,
  outbound,
}: {
  url: string;
  cursor: TIcsCursor;
  now: Date;
  outbound: TOutboundOptions;
}): Promise<TChanges<TIcsCursor> | null> => {
  const day = windowDay(now);
  const sameWindow = cursor.windowDay === day;
  const headers: Record<string, string> = { accept: "text/calendar, */*;q=0.5" };
  // A new day moves the window: the feed is read in full even if unchanged, to expand it again.
  if (sameWindow && cursor.etag) headers["if-none-match"] = cursor.etag;
  if (sameWindow && cursor.lastModified) headers["if-modified-since"] = cursor.lastModified;
  const response = await fetchWithTimeout(outbound)(url, { headers });
  if (response.status === 304) {
    await response.body?.cancel();
    return null;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw failureOf(response.status);
  }
  if (Number(response.headers.get("content-length") ?? 0) > MAX_FEED_BYTES)
    throw new MalformedCalendarError(`The calendar is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB.`);
  const text = await response.text();
  if (text.length > MAX_FEED_BYTES)
    throw new MalformedCalendarError(`The calendar is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB.`);
  const groups = eventsByUid(parseCalendar(text));
  const window = syncWindow(now);
  const objects: Record<string, string> = {};
  const changed: TChanges<TIcsCursor>["changed"] = [];
  for (const [uid, vevents] of groups) {
    const hash = hashOf(vevents.map((component) => component.toString()).join("\n"));
    objects[uid] = hash;
    if (sameWindow && cursor.objects[uid] === hash) continue;
    changed.push({ object: uid, occurrences: occurrencesOf(vevents, window) });
  }
  const next: TIcsCursor = { windowDay: day, objects };
  const etag = response.headers.get("etag");
  const lastModified = response.headers.get("last-modified");
  if (etag) next.etag = etag;
  if (lastModified) next.lastModified = lastModified;
  return { changed, removed: Object.keys(cursor.objects).filter((uid) => !groups.has(uid)), cursor: next };
};

import { z } from "zod";

import { zText } from "../values.ts";

/** The two kinds of calendar one connects without OAuth; `ConnectedAccount.provider` holds the kind. */
export const CALENDAR_PROVIDERS = ["caldav", "ics"] as const;
export type TCalendarProvider = (typeof CALENDAR_PROVIDERS)[number];

/** How many calendars one user connects; one more is refused (409) until one is disconnected. */
export const MAX_CALENDARS_PER_USER = 10;

/** An absolute http(s) URL without credentials in it (they go in their own fields, sealed at rest). */
export const ZCalendarUrlSchema = zText()
  .trim()
  .max(2_000)
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.username === "" && url.password === "";
  }, "An http:// or https:// URL, without a user name or password in it.");

export const ZConnectCalendarSchema = z.discriminatedUnion("provider", [
  z.object({
    provider: z.literal("caldav"),
    serverUrl: ZCalendarUrlSchema.describe("The CalDAV server (its root or the principal's URL)"),
    username: zText().trim().min(1).max(200),
    password: zText().min(1).max(1_000),
  }),
  z.object({
    provider: z.literal("ics"),
    url: ZCalendarUrlSchema.describe("The calendar's ICS subscription (webcal:// written as https://)"),
  }),
]);
export type TConnectCalendar = z.input<typeof ZConnectCalendarSchema>;

/**
 * What `ConnectedAccount.accessToken` holds for a calendar, as JSON sealed with the secret box: the
 * URL too, since an ICS subscription's URL is itself the secret.
 */
export const ZCalendarCredentialsSchema = z.discriminatedUnion("provider", [
  z.object({ provider: z.literal("caldav"), serverUrl: z.string(), username: z.string(), password: z.string() }),
  z.object({ provider: z.literal("ics"), url: z.string() }),
]);
export type TCalendarCredentials = z.infer<typeof ZCalendarCredentialsSchema>;

export const ZCalendarConnectionSchema = z.object({
  id: z.string().uuid(),
  provider: z.enum(CALENDAR_PROVIDERS),
  /** The server and user, or the feed's host: never the secret part of the URL. */
  label: z.string(),
  status: z.enum(["active", "expired", "revoked", "error"]),
  syncEnabled: z.boolean(),
  /** Unix ms of the last successful sync. */
  lastSyncAt: z.number().int().nullable(),
  errorMessage: z.string().nullable(),
  /** Events synced from it (every occurrence of a recurring event within the sync window counts). */
  eventCount: z.number().int().min(0),
  createdAt: z.number().int(),
});
export type TCalendarConnection = z.infer<typeof ZCalendarConnectionSchema>;

import { z } from "zod";

import { zText } from "../values.ts";

/** The calendars one connects with a URL (and a password): `ConnectedAccount.provider` holds the kind. */
export const CALENDAR_URL_PROVIDERS = ["caldav", "ics"] as const;
/** The calendars one connects by signing in to the provider (OAuth): their tokens are the account's. */
export const CALENDAR_OAUTH_PROVIDERS = ["google", "microsoft"] as const;
export type TCalendarOAuthProvider = (typeof CALENDAR_OAUTH_PROVIDERS)[number];
/** Every kind of connected calendar the worker syncs. */
export const CALENDAR_PROVIDERS = [...CALENDAR_URL_PROVIDERS, ...CALENDAR_OAUTH_PROVIDERS] as const;
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
 * What `ConnectedAccount.accessToken` holds for a CalDAV or ICS calendar, as JSON sealed with the secret
 * box: the URL too, since an ICS subscription's URL is itself the secret. A Google or Microsoft
 * calendar's columns hold its OAuth tokens instead, each sealed on its own.
 */
export const ZCalendarCredentialsSchema = z.discriminatedUnion("provider", [
  z.object({ provider: z.literal("caldav"), serverUrl: z.string(), username: z.string(), password: z.string() }),
  z.object({ provider: z.literal("ics"), url: z.string() }),
]);
export type TCalendarCredentials = z.infer<typeof ZCalendarCredentialsSchema>;

export const ZCalendarConnectionSchema = z.object({
  id: z.string().uuid(),
  provider: z.enum(CALENDAR_PROVIDERS),
  /** The server and user, the feed's host, or the Google / Microsoft account: never the secret part of a URL. */
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

export const ZCalendarListSchema = z.object({
  items: z.array(ZCalendarConnectionSchema),
  /** The providers one can connect by signing in here (the server has their OAuth clients): buttons only for these. */
  oauthProviders: z.array(z.enum(CALENDAR_OAUTH_PROVIDERS)),
});
export type TCalendarList = z.infer<typeof ZCalendarListSchema>;

export const ZCalendarOAuthStartSchema = z.object({
  /** The provider's consent page: send the browser there. */
  url: z.string().url(),
});
export type TCalendarOAuthStart = z.infer<typeof ZCalendarOAuthStartSchema>;

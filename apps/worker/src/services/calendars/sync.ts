import {
  CALENDAR_OAUTH_PROVIDERS,
  CALENDAR_PROVIDERS,
  ZCalendarCredentialsSchema,
  type TCalendarCredentials,
  type TCalendarOAuthProvider,
} from "@cto/contracts/api/calendars";
import type { TCalendarOAuthSettings } from "@cto/core/calendar-oauth";
import type { TPrivateNetworks } from "@cto/core/outbound-address";
import type { ConnectedAccount, Db } from "@cto/db/client";
import type { SecretBox } from "@cto/db/secrets";

import { readCalDavAccount, ZCalDavCursorSchema, type TCalDavCursor } from "./caldav.ts";
import type { TChanges } from "./changes.ts";
import { MalformedCalendarError } from "./expand.ts";
import { readGoogleCalendar, ZGoogleCursorSchema, type TGoogleCursor } from "./google.ts";
import {
  CalendarAddressRefusedError,
  CalendarAuthError,
  CalendarUnreachableError,
  type TOutboundOptions,
} from "./http.ts";
import { readIcsFeed, ZIcsCursorSchema, type TIcsCursor } from "./ics.ts";
import { readMicrosoftCalendar, ZMicrosoftCursorSchema, type TMicrosoftCursor } from "./microsoft.ts";
import { CalendarTokenExpiredError, createTokenSession } from "./oauth.ts";
import { storeChanges } from "./store.ts";

/** How long one request to a calendar server may take before the sync gives up (and BullMQ retries). */
export const DEFAULT_CALENDAR_TIMEOUT_MS = 20_000;

export type TSyncResult =
  | { outcome: "skipped"; reason: string }
  | { outcome: "synced"; userId: string; written: number; deleted: number; unchanged: boolean }
  | { outcome: "failed"; error: string };

/** A connection whose OAuth client this process lacks: a setting to fix, which retrying cannot. */
class CalendarNotConfiguredError extends Error {}

/** Failures retrying cannot fix: the connection shows them until the user acts (or upstream is fixed). */
const isPermanent = (error: unknown) =>
  error instanceof MalformedCalendarError ||
  error instanceof CalendarAuthError ||
  error instanceof CalendarAddressRefusedError ||
  error instanceof CalendarTokenExpiredError ||
  error instanceof CalendarNotConfiguredError;

const isOAuthProvider = (provider: string): provider is TCalendarOAuthProvider =>
  (CALENDAR_OAUTH_PROVIDERS as readonly string[]).includes(provider);

type TReadContext = {
  db: Db;
  secrets: SecretBox;
  now: Date;
  outbound: TOutboundOptions;
  oauth: TCalendarOAuthSettings[];
};

/** A Google or Microsoft calendar, read with the connection's OAuth tokens (renewed as needed). */
const readOAuthCalendar = async (
  connection: ConnectedAccount,
  provider: TCalendarOAuthProvider,
  { db, secrets, now, outbound, oauth }: TReadContext,
): Promise<TChanges<TGoogleCursor | TMicrosoftCursor>> => {
  const settings = oauth.find((entry) => entry.provider === provider);
  if (!settings)
    throw new CalendarNotConfiguredError(
      `The worker has no ${provider === "google" ? "CALENDAR_GOOGLE_CLIENT_ID/SECRET" : "CALENDAR_MICROSOFT_CLIENT_ID/SECRET"} to sync this calendar with; ask the administrator to set them.`,
    );
  const session = createTokenSession({ db, secrets, connection, settings, now, timeoutMs: outbound.timeoutMs });
  return provider === "google"
    ? readGoogleCalendar({
        session,
        apiUrl: settings.apiUrl,
        cursor: ZGoogleCursorSchema.catch({}).parse(connection.syncCursor),
        now,
      })
    : readMicrosoftCalendar({
        session,
        apiUrl: settings.apiUrl,
        cursor: ZMicrosoftCursorSchema.catch({}).parse(connection.syncCursor),
        now,
      });
};

const readUrlCalendar = (credentials: TCalendarCredentials, cursor: unknown, now: Date, outbound: TOutboundOptions) =>
  credentials.provider === "ics"
    ? readIcsFeed({
        url: credentials.url,
        cursor: ZIcsCursorSchema.catch({ objects: {} }).parse(cursor),
        now,
        outbound,
      })
    : readCalDavAccount({
        ...credentials,
        cursor: ZCalDavCursorSchema.catch({ calendars: {} }).parse(cursor),
        now,
        outbound,
      });

/**
 * Brings one connected calendar up to date. Upstream is read completely before anything is written,
 * so a server that fails or times out changes nothing here: the error is noted on the connection and
 * thrown for BullMQ to retry. Malformed data, refused credentials, or an address on a private
 * network (unless allowed) are noted and not retried; so is a refused token renewal, which marks the
 * connection EXPIRED until the user connects it again.
 * A success sets the connection ACTIVE, clears its error and moves its cursor.
 */
export const syncCalendar = async ({
  db,
  secrets,
  connectionId,
  now,
  timeoutMs = DEFAULT_CALENDAR_TIMEOUT_MS,
  allowPrivateNetworks = false,
  oauth = [],
}: {
  db: Db;
  secrets: SecretBox;
  connectionId: string;
  now: Date;
  timeoutMs?: number;
  /** CALENDAR_ALLOW_PRIVATE_NETWORKS: reach loopback, private and link-local addresses (a self-hosted calendar server). */
  allowPrivateNetworks?: TPrivateNetworks;
  /** The OAuth clients of Google and Microsoft calendars, to renew their tokens with. */
  oauth?: TCalendarOAuthSettings[];
}): Promise<TSyncResult> => {
  const connection = await db.connectedAccount.findUnique({ where: { id: connectionId } });
  if (!connection) return { outcome: "skipped", reason: "disconnected" };
  if (!(CALENDAR_PROVIDERS as readonly string[]).includes(connection.provider))
    return { outcome: "skipped", reason: "not a calendar" };
  if (!connection.syncEnabled) return { outcome: "skipped", reason: "sync disabled" };
  const fail = async (message: string, status: "ERROR" | "EXPIRED" = "ERROR") => {
    await db.connectedAccount.updateMany({ where: { id: connectionId }, data: { status, errorMessage: message } });
    return { outcome: "failed" as const, error: message };
  };
  const unreadable =
    "The stored credentials could not be read (was CTO_ENCRYPTION_KEY changed?); connect the calendar again.";
  const outbound = { timeoutMs, allowPrivateNetworks };
  const { provider } = connection;
  let read: () => Promise<TChanges<TGoogleCursor | TMicrosoftCursor | TIcsCursor | TCalDavCursor> | null>;
  if (isOAuthProvider(provider)) {
    try {
      secrets.decrypt(connection.accessToken);
      if (connection.refreshToken) secrets.decrypt(connection.refreshToken);
    } catch {
      return fail(unreadable);
    }
    read = () => readOAuthCalendar(connection, provider, { db, secrets, now, outbound, oauth });
  } else {
    let credentials: TCalendarCredentials;
    try {
      credentials = ZCalendarCredentialsSchema.parse(JSON.parse(secrets.decrypt(connection.accessToken)));
    } catch {
      return fail(unreadable);
    }
    read = () => readUrlCalendar(credentials, connection.syncCursor, now, outbound);
  }
  try {
    const changes = await read();
    const stored = changes ? await storeChanges(db, connection, changes, now) : { written: 0, deleted: 0 };
    await db.connectedAccount.updateMany({
      where: { id: connectionId },
      data: {
        lastSyncAt: now,
        status: "ACTIVE",
        errorMessage: null,
        ...(changes ? { syncCursor: changes.cursor } : {}),
      },
    });
    return { outcome: "synced", userId: connection.userId, ...stored, unchanged: changes === null };
  } catch (error) {
    const known = isPermanent(error) || error instanceof CalendarUnreachableError;
    const result = await fail(
      known ? (error as Error).message : `The sync failed: ${(error as Error).message}`,
      error instanceof CalendarTokenExpiredError ? "EXPIRED" : "ERROR",
    );
    if (isPermanent(error)) return result;
    throw error;
  }
};

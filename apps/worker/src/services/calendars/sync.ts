import {
  CALENDAR_PROVIDERS,
  ZCalendarCredentialsSchema,
  type TCalendarCredentials,
} from "@cto/contracts/api/calendars";
import type { TPrivateNetworks } from "@cto/core/outbound-address";
import type { Db } from "@cto/db/client";
import type { SecretBox } from "@cto/db/secrets";

import { readCalDavAccount, ZCalDavCursorSchema } from "./caldav.ts";
import { MalformedCalendarError } from "./expand.ts";
import {
  CalendarAddressRefusedError,
  CalendarAuthError,
  CalendarUnreachableError,
  type TOutboundOptions,
} from "./http.ts";
import { readIcsFeed, ZIcsCursorSchema } from "./ics.ts";
import { storeChanges } from "./store.ts";

/** How long one request to a calendar server may take before the sync gives up (and BullMQ retries). */
export const DEFAULT_CALENDAR_TIMEOUT_MS = 20_000;

export type TSyncResult =
  | { outcome: "skipped"; reason: string }
  | { outcome: "synced"; written: number; deleted: number; unchanged: boolean }
  | { outcome: "failed"; error: string };

/** Failures retrying cannot fix: the connection shows them until the user acts (or upstream is fixed). */
const isPermanent = (error: unknown) =>
  error instanceof MalformedCalendarError ||
  error instanceof CalendarAuthError ||
  error instanceof CalendarAddressRefusedError;

const readUpstream = (credentials: TCalendarCredentials, cursor: unknown, now: Date, outbound: TOutboundOptions) =>
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
 * network (unless allowed) are noted and not retried.
 * A success sets the connection ACTIVE, clears its error and moves its cursor.
 */
export const syncCalendar = async ({
  db,
  secrets,
  connectionId,
  now,
  timeoutMs = DEFAULT_CALENDAR_TIMEOUT_MS,
  allowPrivateNetworks = false,
}: {
  db: Db;
  secrets: SecretBox;
  connectionId: string;
  now: Date;
  timeoutMs?: number;
  /** CALENDAR_ALLOW_PRIVATE_NETWORKS: reach loopback, private and link-local addresses (a self-hosted calendar server). */
  allowPrivateNetworks?: TPrivateNetworks;
}): Promise<TSyncResult> => {
  const connection = await db.connectedAccount.findUnique({ where: { id: connectionId } });
  if (!connection) return { outcome: "skipped", reason: "disconnected" };
  if (!(CALENDAR_PROVIDERS as readonly string[]).includes(connection.provider))
    return { outcome: "skipped", reason: "not a calendar" };
  if (!connection.syncEnabled) return { outcome: "skipped", reason: "sync disabled" };
  const fail = async (message: string) => {
    await db.connectedAccount.updateMany({
      where: { id: connectionId },
      data: { status: "ERROR", errorMessage: message },
    });
    return { outcome: "failed" as const, error: message };
  };
  let credentials: TCalendarCredentials;
  try {
    credentials = ZCalendarCredentialsSchema.parse(JSON.parse(secrets.decrypt(connection.accessToken)));
  } catch {
    return fail(
      "The stored credentials could not be read (was CTO_ENCRYPTION_KEY changed?); connect the calendar again.",
    );
  }
  try {
    const changes = await readUpstream(credentials, connection.syncCursor, now, { timeoutMs, allowPrivateNetworks });
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
    return { outcome: "synced", ...stored, unchanged: changes === null };
  } catch (error) {
    const known = isPermanent(error) || error instanceof CalendarUnreachableError;
    const result = await fail(known ? (error as Error).message : `The sync failed: ${(error as Error).message}`);
    if (isPermanent(error)) return result;
    throw error;
  }
};

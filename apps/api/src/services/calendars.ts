import { createHash } from "node:crypto";

import {
  CALENDAR_PROVIDERS,
  MAX_CALENDARS_PER_USER,
  type TCalendarConnection,
  type TCalendarCredentials,
  type TConnectCalendar,
} from "@cto/contracts/api/calendars";
import { PrivateAddressError, resolvePublicHost, type TPrivateNetworks } from "@cto/core/outbound-address";
import type { Db } from "@cto/db/client";
import type { SecretBox } from "@cto/db/secrets";
import type { TQueues } from "@cto/queue/queues";

import { ApiError, notFound } from "../errors.ts";

const PROVIDERS = [...CALENDAR_PROVIDERS];

/**
 * What identifies a connection without its secret: the user and server for CalDAV; for an ICS
 * subscription, whose URL is itself the secret, its host and a hash of the whole URL.
 */
const accountIdOf = (credentials: TCalendarCredentials) => {
  if (credentials.provider === "caldav") return `${credentials.username}@${credentials.serverUrl}`;
  const hash = createHash("sha256").update(credentials.url).digest("hex").slice(0, 16);
  return `${new URL(credentials.url).host}#${hash}`;
};

const labelOf = (provider: string, accountId: string) =>
  provider === "ics" ? `${accountId.split("#")[0]} (subscription)` : accountId;

type TRow = {
  id: string;
  provider: string;
  providerAccountId: string;
  status: "ACTIVE" | "EXPIRED" | "REVOKED" | "ERROR";
  syncEnabled: boolean;
  lastSyncAt: Date | null;
  errorMessage: string | null;
  createdAt: Date;
  _count: { events: number };
};

const SELECT = {
  id: true,
  provider: true,
  providerAccountId: true,
  status: true,
  syncEnabled: true,
  lastSyncAt: true,
  errorMessage: true,
  createdAt: true,
  _count: { select: { events: true } },
} as const;

const toConnection = (row: TRow): TCalendarConnection => ({
  id: row.id,
  provider: row.provider as TCalendarConnection["provider"],
  label: labelOf(row.provider, row.providerAccountId),
  status: row.status.toLowerCase() as TCalendarConnection["status"],
  syncEnabled: row.syncEnabled,
  lastSyncAt: row.lastSyncAt?.getTime() ?? null,
  errorMessage: row.errorMessage,
  eventCount: row._count.events,
  createdAt: row.createdAt.getTime(),
});

const enqueueSync = (queues: TQueues, id: string) =>
  queues.enqueue("calendars", "sync", { connectionId: id }, { jobId: `calendar-sync.${id}.now.${Date.now()}` });

/**
 * Refuses a URL whose host is, or resolves to, a non-public address (400 naming `field`). The worker
 * checks again at each fetch (names can change what they resolve to); this is the early answer. A
 * name that does not resolve now is let through: the sync reports it if it still does not.
 */
const refusePrivateAddress = async (url: string, field: string, privateNetworks: TPrivateNetworks) => {
  try {
    await resolvePublicHost(new URL(url).hostname, { allowPrivate: privateNetworks });
  } catch (error) {
    if (!(error instanceof PrivateAddressError)) return;
    const message = `Calendars are fetched from the public internet only: ${error.message}.`;
    throw new ApiError("validation_failed", message, [{ path: field, message }]);
  }
};

/**
 * Connects a calendar: its URL and credentials are sealed in `accessToken` (never returned), and a
 * first sync is queued. Without Redis, the worker's schedule syncs it within minutes instead.
 */
export const connectCalendar = async ({
  db,
  secrets,
  queues,
  userId,
  input,
  privateNetworks = false,
}: {
  db: Db;
  secrets: SecretBox;
  queues: TQueues | null;
  userId: string;
  input: TConnectCalendar;
  /** Which non-public addresses the URL may name (CALENDAR_ALLOW_PRIVATE_NETWORKS). */
  privateNetworks?: TPrivateNetworks;
}): Promise<TCalendarConnection> => {
  if (input.provider === "caldav") await refusePrivateAddress(input.serverUrl, "serverUrl", privateNetworks);
  else await refusePrivateAddress(input.url, "url", privateNetworks);
  const kept = await db.connectedAccount.count({ where: { userId, provider: { in: PROVIDERS } } });
  if (kept >= MAX_CALENDARS_PER_USER)
    throw new ApiError(
      "invalid_state",
      `You have connected ${kept} calendars, the most there can be; disconnect one first.`,
    );
  const credentials: TCalendarCredentials =
    input.provider === "caldav"
      ? { provider: "caldav", serverUrl: input.serverUrl, username: input.username, password: input.password }
      : { provider: "ics", url: input.url };
  const row = await db.connectedAccount.create({
    data: {
      userId,
      provider: input.provider,
      providerAccountId: accountIdOf(credentials),
      accessToken: secrets.encrypt(JSON.stringify(credentials)),
    },
    select: SELECT,
  });
  if (queues) await enqueueSync(queues, row.id).catch(() => undefined);
  return toConnection(row);
};

export const listCalendars = async (db: Db, userId: string): Promise<TCalendarConnection[]> => {
  const rows = await db.connectedAccount.findMany({
    where: { userId, provider: { in: PROVIDERS } },
    orderBy: { createdAt: "asc" },
    select: SELECT,
  });
  return rows.map(toConnection);
};

const findOwn = async (db: Db, userId: string, id: string) => {
  const row = await db.connectedAccount.findFirst({
    where: { id, userId, provider: { in: PROVIDERS } },
    select: SELECT,
  });
  if (!row) throw notFound("calendar");
  return row;
};

/** Queues a sync now (the answer comes before it runs: the connection's status and lastSyncAt tell how it went). */
export const syncCalendarNow = async ({
  db,
  queues,
  userId,
  id,
}: {
  db: Db;
  queues: TQueues | null;
  userId: string;
  id: string;
}): Promise<TCalendarConnection> => {
  const row = await findOwn(db, userId, id);
  if (!row.syncEnabled) throw new ApiError("conflict", "Syncing is turned off for this calendar.");
  if (!queues) throw new ApiError("service_unavailable", "Syncing needs the job queue, which is not set up here.");
  await enqueueSync(queues, id).catch(() => {
    throw new ApiError("service_unavailable", "The sync could not be queued; try again shortly.");
  });
  return toConnection(row);
};

/** Disconnects a calendar: its sealed credentials and every event synced from it are deleted. */
export const disconnectCalendar = async (db: Db, userId: string, id: string) => {
  const { count } = await db.connectedAccount.deleteMany({ where: { id, userId, provider: { in: PROVIDERS } } });
  if (count === 0) throw notFound("calendar");
};

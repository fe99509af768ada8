import {
  ZCreateEventSchema,
  ZCreatePersonSchema,
  ZCreatePlaceSchema,
  ZEventFiltersSchema,
  ZPersonFiltersSchema,
  ZPlaceFiltersSchema,
  ZUpdateEventSchema,
  ZUpdatePersonSchema,
  ZUpdatePlaceSchema,
} from "@cto/contracts/api/assistant";
import { Prisma, type DbExecutor } from "@cto/db/client";

import { ApiError } from "../../errors.ts";
import { containsText } from "../../lib/like.ts";
import { embedOnWrite } from "../embeddings.ts";
import { eventReleasesRemindersHook } from "../reminders.ts";
import { guardWrites } from "../guarded.ts";
import { resourceService, type ModelDelegate } from "../resource.ts";

/** People, places and events of the assistant context (003): soft-deleted, with trash and restore. */

const byName = { name: "asc" } as const;

export const personService = resourceService({
  name: "people",
  model: (db) => db.person,
  afterWrite: [embedOnWrite("PERSON")],
  create: ZCreatePersonSchema,
  update: ZUpdatePersonSchema,
  filters: ZPersonFiltersSchema,
  where: ({ type, tag, q }) => ({
    type,
    ...(tag === undefined ? {} : { tags: { has: tag } }),
    ...(q === undefined ? {} : { OR: [{ name: containsText(q) }, { email: containsText(q) }] }),
  }),
  sorts: {
    name: [byName],
    importance: [{ importance: "desc" }, byName],
    created: [{ createdAt: "desc" }],
    updated: [{ updatedAt: "desc" }],
  },
  softDelete: true,
});

// Coordinates arrive as JSON numbers; the Decimal columns get them as exact decimals, not floats.
const toDecimal = (value: unknown) => (typeof value === "number" ? new Prisma.Decimal(value) : value);

export const placeService = resourceService({
  name: "places",
  model: (db) => db.place,
  afterWrite: [embedOnWrite("PLACE")],
  create: ZCreatePlaceSchema,
  update: ZUpdatePlaceSchema,
  filters: ZPlaceFiltersSchema,
  where: ({ type, tag }) => ({ type, ...(tag === undefined ? {} : { tags: { has: tag } }) }),
  sorts: { name: [byName], created: [{ createdAt: "desc" }], updated: [{ updatedAt: "desc" }] },
  softDelete: true,
  toData: (input) => ({
    ...input,
    ...("latitude" in input ? { latitude: toDecimal(input.latitude) } : {}),
    ...("longitude" in input ? { longitude: toDecimal(input.longitude) } : {}),
  }),
});

// An update may move one end only, so the order is checked against the stored other end; otherwise the
// database's check constraint would refuse it under its own name instead of the field's.
const assertEndsAfterStart = async (db: DbExecutor, id: string, data: Record<string, unknown>) => {
  if (!("startsAt" in data) && !("endsAt" in data)) return;
  const stored = await db.event.findFirst({
    where: { id, deletedAt: undefined },
    select: { startsAt: true, endsAt: true },
  });
  const startsAt = "startsAt" in data ? (data.startsAt as Date) : stored?.startsAt;
  const endsAt = "endsAt" in data ? (data.endsAt as Date | null) : stored?.endsAt;
  if (startsAt && endsAt && endsAt < startsAt)
    throw new ApiError("validation_failed", "An event cannot end before it starts.", [
      { path: "endsAt", message: "must not be before startsAt" },
    ]);
};

export const eventService = resourceService({
  name: "events",
  model: (db) => guardWrites(db.event as ModelDelegate, { update: (id, data) => assertEndsAfterStart(db, id, data) }),
  // An event edited, trashed or deleted may release the reminders it held.
  afterWrite: [embedOnWrite("EVENT"), eventReleasesRemindersHook],
  create: ZCreateEventSchema,
  update: ZUpdateEventSchema,
  filters: ZEventFiltersSchema,
  where: ({ from, to, status, placeId }) => ({
    status,
    placeId,
    ...(from === undefined && to === undefined
      ? {}
      : {
          startsAt: {
            gte: from === undefined ? undefined : new Date(from),
            lt: to === undefined ? undefined : new Date(to),
          },
        }),
  }),
  sorts: { starts: [{ startsAt: "asc" }], created: [{ createdAt: "desc" }], updated: [{ updatedAt: "desc" }] },
  softDelete: true,
  references: { placeId: (db) => db.place },
});

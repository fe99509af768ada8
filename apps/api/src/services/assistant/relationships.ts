import type { DbExecutor } from "@cto/db/client";
import {
  ZCreateRelationshipSchema,
  ZRelationshipFiltersSchema,
  ZUpdateRelationshipSchema,
} from "@cto/contracts/api/assistant";
import type { EntityType } from "@cto/contracts/enums";

import { ApiError } from "../../errors.ts";
import { guardWrites } from "../guarded.ts";
import { resourceService, type ModelDelegate } from "../resource.ts";

/** Typed links between any two context entities (003's EntityRelationship). */

type Where = { id: string; userId: string };
// The ends are polymorphic (no foreign keys), so ownership of both is checked here; a trashed entity
// counts as missing, as everywhere else.
const countOwned: Record<keyof typeof EntityType, (db: DbExecutor, where: Where) => Promise<number>> = {
  PERSON: (db, where) => db.person.count({ where }),
  PLACE: (db, where) => db.place.count({ where }),
  EVENT: (db, where) => db.event.count({ where }),
  TASK: (db, where) => db.task.count({ where }),
  DEADLINE: (db, where) => db.deadline.count({ where }),
};

const assertEndsOwned = async (db: DbExecutor, data: Record<string, unknown>) => {
  const userId = data.userId as string;
  for (const end of ["source", "target"] as const) {
    const type = data[`${end}Type`] as keyof typeof EntityType;
    const id = data[`${end}Id`] as string;
    if ((await countOwned[type](db, { id, userId })) === 0) {
      throw new ApiError("not_found", `${end}Id does not point at one of your ${type.toLowerCase()} records.`, [
        { path: `${end}Id`, message: "not found" },
      ]);
    }
  }
};

export const relationshipService = resourceService({
  name: "relationships",
  model: (db) => guardWrites(db.entityRelationship as ModelDelegate, { create: (data) => assertEndsOwned(db, data) }),
  create: ZCreateRelationshipSchema,
  update: ZUpdateRelationshipSchema,
  filters: ZRelationshipFiltersSchema,
  // An entity's links are those where it is either end.
  where: ({ entityType, entityId, relationship }) => ({
    relationship,
    ...(entityType === undefined && entityId === undefined
      ? {}
      : {
          OR: [
            { sourceType: entityType, sourceId: entityId },
            { targetType: entityType, targetId: entityId },
          ],
        }),
  }),
  sorts: { created: [{ createdAt: "desc" }], strength: [{ strength: "desc" }, { createdAt: "desc" }] },
});

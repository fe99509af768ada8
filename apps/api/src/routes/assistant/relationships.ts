import { EntityRelationship } from "@cto/contracts/tables";

import { relationshipService } from "../../services/assistant/relationships.ts";
import { resourceRoutes } from "../resource.ts";

/** Typed links between any two context entities (003's EntityRelationship). */
export const relationshipRoutes = resourceRoutes({
  service: relationshipService,
  tag: "Relationships",
  table: EntityRelationship,
});

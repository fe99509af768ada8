import type { z } from "zod";

import type { TApiResponse } from "@cto/contracts/api/endpoints";
import type { ZEntityTypeSchema } from "@cto/contracts/enums";

export type TPerson = TApiResponse<"/people/{id}">;
export type TPlace = TApiResponse<"/places/{id}">;
export type TEvent = TApiResponse<"/events/{id}">;
export type TTask = TApiResponse<"/tasks/{id}">;
export type TDeadline = TApiResponse<"/deadlines/{id}">;
export type TRelationship = TApiResponse<"/relationships/{id}">;

export type TEntityKind = z.input<typeof ZEntityTypeSchema>;
/** The kinds in the order the page's tabs show them; their names are messages (`assistant.kinds`, `.plurals`). */
export const ENTITY_KINDS: { kind: TEntityKind }[] = [
  { kind: "person" },
  { kind: "place" },
  { kind: "event" },
  { kind: "task" },
  { kind: "deadline" },
];
export const isEntityKind = (value: unknown): value is TEntityKind =>
  ENTITY_KINDS.some((entry) => entry.kind === value);

/** Any context entity as lists, pickers and link ends show it. */
export type TEntitySummary = { kind: TEntityKind; id: string; name: string; detail: string | null };

export const assistantKeys = {
  list: (kind: TEntityKind) => ["assistant", kind] as const,
  one: (kind: TEntityKind, id: string) => ["assistant", kind, id] as const,
  /** Every page of a kind, for pickers and link names; under list(kind), so changes to the kind re-read it. */
  every: (kind: TEntityKind) => ["assistant", kind, "every"] as const,
  links: (id: string) => ["assistant", "links", id] as const,
};

import type { paths } from "../../../lib/api-client.ts";

type TOne<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { "application/json": infer B } } } } } ? B : never;

export type TPerson = TOne<"/people/{id}">;
export type TPlace = TOne<"/places/{id}">;
export type TEvent = TOne<"/events/{id}">;
export type TTask = TOne<"/tasks/{id}">;
export type TDeadline = TOne<"/deadlines/{id}">;
export type TRelationship = TOne<"/relationships/{id}">;

export type TEntityKind = "person" | "place" | "event" | "task" | "deadline";
export const ENTITY_KINDS: { kind: TEntityKind; label: string; plural: string }[] = [
  { kind: "person", label: "Person", plural: "People" },
  { kind: "place", label: "Place", plural: "Places" },
  { kind: "event", label: "Event", plural: "Events" },
  { kind: "task", label: "Task", plural: "Tasks" },
  { kind: "deadline", label: "Deadline", plural: "Deadlines" },
];
export const isEntityKind = (value: unknown): value is TEntityKind => ENTITY_KINDS.some((entry) => entry.kind === value);

/** Any context entity as lists, pickers and link ends show it. */
export type TEntitySummary = { kind: TEntityKind; id: string; name: string; detail: string | null };

export const assistantKeys = {
  list: (kind: TEntityKind) => ["assistant", kind] as const,
  one: (kind: TEntityKind, id: string) => ["assistant", kind, id] as const,
  /** Every page of a kind, for pickers and link names; under list(kind), so changes to the kind re-read it. */
  every: (kind: TEntityKind) => ["assistant", kind, "every"] as const,
  links: (id: string) => ["assistant", "links", id] as const,
};

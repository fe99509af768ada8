import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { formatDateTime, humanize } from "../../../lib/format.ts";
import {
  assistantKeys,
  type TDeadline,
  type TEntityKind,
  type TEvent,
  type TPerson,
  type TPlace,
  type TTask,
} from "./types.ts";

/** The entity as the API gave it (for the edit forms), tagged with its kind. */
export type TEntityRecord =
  | { kind: "person"; raw: TPerson }
  | { kind: "place"; raw: TPlace }
  | { kind: "event"; raw: TEvent }
  | { kind: "task"; raw: TTask }
  | { kind: "deadline"; raw: TDeadline };
type TFacts = { name: string; facts: [string, string][] } & TEntityRecord;
const fact = (label: string, value: string | number | null | undefined): [string, string][] =>
  value === null || value === undefined || value === "" ? [] : [[label, String(value)]];

/** GET /{kind}/{id}: a name and the facts worth showing for that kind, and the entity itself. */
export const getEntity = async (kind: TEntityKind, id: string): Promise<TFacts> => {
  const params = { params: { path: { id } } };
  switch (kind) {
    case "person": {
      const p = await unwrap(api.GET("/people/{id}", params));
      return {
        kind,
        raw: p,
        name: p.name,
        facts: [
          ...fact("Email", p.email),
          ...fact("Phone", p.phone),
          ...fact("Relationship", humanize(p.type)),
          ...fact("Importance", `${p.importance} of 10`),
          ...fact("Company", p.company),
          ...fact("Job title", p.title),
          ...fact("Notes", p.notes),
        ],
      };
    }
    case "place": {
      const p = await unwrap(api.GET("/places/{id}", params));
      return {
        kind,
        raw: p,
        name: p.name,
        facts: [
          ...fact("Kind", humanize(p.type)),
          ...fact("Address", p.address),
          ...fact("City", p.city),
          ...fact("Country", p.country),
          ...fact("Time zone", p.timezone),
        ],
      };
    }
    case "event": {
      const e = await unwrap(api.GET("/events/{id}", params));
      return {
        kind,
        raw: e,
        name: e.title,
        facts: [
          ...fact("Starts", formatDateTime(e.startsAt)),
          ...fact("Ends", e.endsAt === null ? null : formatDateTime(e.endsAt)),
          ...fact("Kind", humanize(e.type)),
          ...fact("Status", humanize(e.status)),
          ...fact("Location", e.location),
          ...fact("Link", e.virtualUrl),
          ...fact("Description", e.description),
        ],
      };
    }
    case "task": {
      const t = await unwrap(api.GET("/tasks/{id}", params));
      return {
        kind,
        raw: t,
        name: t.title,
        facts: [
          ...fact("Status", humanize(t.status)),
          ...fact("Priority", humanize(t.priority)),
          ...fact("Due", t.dueDate === null ? null : formatDateTime(t.dueDate)),
          ...fact("Completed", t.completedAt === null ? null : formatDateTime(t.completedAt)),
          ...fact("Estimate", t.estimatedMinutes === null ? null : `${t.estimatedMinutes} min`),
          ...fact("Description", t.description),
        ],
      };
    }
    case "deadline": {
      const d = await unwrap(api.GET("/deadlines/{id}", params));
      return {
        kind,
        raw: d,
        name: d.title,
        facts: [
          ...fact("Due", formatDateTime(d.dueAt)),
          ...fact("Kind", humanize(d.type)),
          ...fact("Status", humanize(d.status)),
          ...fact("Importance", `${d.importance} of 10`),
          ...fact("If missed", d.consequences),
          ...fact("Description", d.description),
        ],
      };
    }
  }
};

export const entityQueryOptions = (kind: TEntityKind, id: string) =>
  queryOptions({ queryKey: assistantKeys.one(kind, id), queryFn: () => getEntity(kind, id) });

export const useEntity = (kind: TEntityKind, id: string) => useQuery(entityQueryOptions(kind, id));

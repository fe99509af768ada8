import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { formatDateTime, formatNumber } from "../../../lib/format.ts";
import { enumLabel } from "../../../lib/i18n/enum-label.ts";
import { i18n } from "../../../lib/i18n/index.ts";
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
type TNamed = { name: string } & TEntityRecord;
type TFact = [string, string];
const fact = (label: string, value: string | number | null | undefined): TFact[] =>
  value === null || value === undefined || value === "" ? [] : [[label, String(value)]];

/** GET /{kind}/{id}: the entity, tagged with its kind, and the name its page shows. */
export const getEntity = async (kind: TEntityKind, id: string): Promise<TNamed> => {
  const params = { params: { path: { id } } };
  switch (kind) {
    case "person": {
      const raw = await unwrap(api.GET("/people/{id}", params));
      return { kind, raw, name: raw.name };
    }
    case "place": {
      const raw = await unwrap(api.GET("/places/{id}", params));
      return { kind, raw, name: raw.name };
    }
    case "event": {
      const raw = await unwrap(api.GET("/events/{id}", params));
      return { kind, raw, name: raw.title };
    }
    case "task": {
      const raw = await unwrap(api.GET("/tasks/{id}", params));
      return { kind, raw, name: raw.title };
    }
    case "deadline": {
      const raw = await unwrap(api.GET("/deadlines/{id}", params));
      return { kind, raw, name: raw.title };
    }
  }
};

/**
 * The facts worth showing for the entity's kind, labelled and formatted in the active language; made
 * when drawn, not when fetched, so switching the language rewords the cached entity too.
 */
export const entityFacts = (entity: TEntityRecord): TFact[] => {
  const t = i18n.t;
  const outOfTen = (value: number) => t("assistant.outOfTen", { value: formatNumber(value) });
  const when = (ms: number | null) => (ms === null ? null : formatDateTime(ms));
  switch (entity.kind) {
    case "person": {
      const p = entity.raw;
      return [
        ...fact(t("assistant.fields.email"), p.email),
        ...fact(t("assistant.fields.phone"), p.phone),
        ...fact(t("assistant.fields.relationshipFact"), enumLabel("assistant.personTypes", p.type)),
        ...fact(t("assistant.fields.importance"), outOfTen(p.importance)),
        ...fact(t("assistant.fields.company"), p.company),
        ...fact(t("assistant.fields.jobTitle"), p.title),
        ...fact(t("assistant.fields.notes"), p.notes),
      ];
    }
    case "place": {
      const p = entity.raw;
      return [
        ...fact(t("assistant.fields.kind"), enumLabel("assistant.placeTypes", p.type)),
        ...fact(t("assistant.fields.address"), p.address),
        ...fact(t("assistant.fields.city"), p.city),
        ...fact(t("assistant.fields.country"), p.country),
        ...fact(t("assistant.fields.timezone"), p.timezone),
      ];
    }
    case "event": {
      const e = entity.raw;
      return [
        ...fact(t("assistant.fields.starts"), formatDateTime(e.startsAt)),
        ...fact(t("assistant.fields.ends"), when(e.endsAt)),
        ...fact(t("assistant.fields.kind"), enumLabel("assistant.eventTypes", e.type)),
        ...fact(t("assistant.fields.status"), enumLabel("assistant.eventStatus", e.status)),
        ...fact(t("assistant.fields.location"), e.location),
        ...fact(t("assistant.fields.link"), e.virtualUrl),
        ...fact(t("assistant.fields.description"), e.description),
      ];
    }
    case "task": {
      const task = entity.raw;
      return [
        ...fact(t("assistant.fields.status"), enumLabel("assistant.taskStatus", task.status)),
        ...fact(t("assistant.fields.priority"), enumLabel("assistant.priorities", task.priority)),
        ...fact(t("assistant.fields.due"), when(task.dueDate)),
        ...fact(t("assistant.fields.completed"), when(task.completedAt)),
        ...fact(
          t("assistant.fields.estimate"),
          task.estimatedMinutes === null
            ? null
            : t("assistant.minutes", { minutes: formatNumber(task.estimatedMinutes) }),
        ),
        ...fact(t("assistant.fields.description"), task.description),
      ];
    }
    case "deadline": {
      const d = entity.raw;
      return [
        ...fact(t("assistant.fields.due"), formatDateTime(d.dueAt)),
        ...fact(t("assistant.fields.kind"), enumLabel("assistant.deadlineTypes", d.type)),
        ...fact(t("assistant.fields.status"), enumLabel("assistant.deadlineStatus", d.status)),
        ...fact(t("assistant.fields.importance"), outOfTen(d.importance)),
        ...fact(t("assistant.fields.ifMissed"), d.consequences),
        ...fact(t("assistant.fields.description"), d.description),
      ];
    }
  }
};

export const entityQueryOptions = (kind: TEntityKind, id: string) =>
  queryOptions({ queryKey: assistantKeys.one(kind, id), queryFn: () => getEntity(kind, id) });

export const useEntity = (kind: TEntityKind, id: string) => useQuery(entityQueryOptions(kind, id));

import { queryOptions, useQueries, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { assistantKeys, ENTITY_KINDS, type TEntityKind } from "./types.ts";

// One page of 100 per kind: a personal context (003) is people and plans in the tens, not thousands.
const page = { limit: 100 } as const;

/** GET /people, /places, /events, /tasks, /deadlines: each kind's list in its natural order. */
export const listPeople = () => unwrap(api.GET("/people", { params: { query: { ...page, sort: "name" } } }));
export const listPlaces = () => unwrap(api.GET("/places", { params: { query: { ...page, sort: "name" } } }));
export const listEvents = () => unwrap(api.GET("/events", { params: { query: { ...page, sort: "starts" } } }));
export const listTasks = () => unwrap(api.GET("/tasks", { params: { query: { ...page, sort: "due" } } }));
export const listDeadlines = () => unwrap(api.GET("/deadlines", { params: { query: { ...page, sort: "due" } } }));

export const peopleQuery = () => queryOptions({ queryKey: assistantKeys.list("person"), queryFn: listPeople });
export const placesQuery = () => queryOptions({ queryKey: assistantKeys.list("place"), queryFn: listPlaces });
export const eventsQuery = () => queryOptions({ queryKey: assistantKeys.list("event"), queryFn: listEvents });
export const tasksQuery = () => queryOptions({ queryKey: assistantKeys.list("task"), queryFn: listTasks });
export const deadlinesQuery = () => queryOptions({ queryKey: assistantKeys.list("deadline"), queryFn: listDeadlines });

export const usePeople = () => useQuery(peopleQuery());
export const usePlaces = () => useQuery(placesQuery());
export const useEvents = () => useQuery(eventsQuery());
export const useTasks = () => useQuery(tasksQuery());
export const useDeadlines = () => useQuery(deadlinesQuery());

/** Every kind's list as name summaries, for link pickers and for naming the ends of links. */
export const useEntitySummaries = () => {
  const results = useQueries({ queries: [peopleQuery(), placesQuery(), eventsQuery(), tasksQuery(), deadlinesQuery()] });
  const [people, places, events, tasks, deadlines] = results;
  const summaries = [
    ...(people.data?.items ?? []).map((item) => ({ kind: "person" as const, id: item.id, name: item.name, detail: [item.title, item.company].filter(Boolean).join(", ") || null })),
    ...(places.data?.items ?? []).map((item) => ({ kind: "place" as const, id: item.id, name: item.name, detail: [item.city, item.country].filter(Boolean).join(", ") || null })),
    ...(events.data?.items ?? []).map((item) => ({ kind: "event" as const, id: item.id, name: item.title, detail: item.location })),
    ...(tasks.data?.items ?? []).map((item) => ({ kind: "task" as const, id: item.id, name: item.title, detail: null })),
    ...(deadlines.data?.items ?? []).map((item) => ({ kind: "deadline" as const, id: item.id, name: item.title, detail: null })),
  ];
  return { summaries, isPending: results.some((result) => result.isPending), error: results.find((result) => result.error)?.error ?? null };
};

export const kindLabel = (kind: TEntityKind) => ENTITY_KINDS.find((entry) => entry.kind === kind)!.label;

import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { assistantKeys, ENTITY_KINDS, type TEntityKind } from "./types.ts";

// 50 per page, then "Load more" through the API's cursor: a personal context (003) is usually tens of entries.
const PAGE = 50;
const page = (cursor: string | undefined) => ({ limit: PAGE, ...(cursor ? { cursor } : {}) });
const paging = { initialPageParam: undefined as string | undefined, getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor ?? undefined };

/** GET /people, /places, /events, /tasks, /deadlines: each kind's list in its natural order, a page at a time. */
export const listPeople = (cursor?: string) => unwrap(api.GET("/people", { params: { query: { ...page(cursor), sort: "name" } } }));
export const listPlaces = (cursor?: string) => unwrap(api.GET("/places", { params: { query: { ...page(cursor), sort: "name" } } }));
export const listEvents = (cursor?: string) => unwrap(api.GET("/events", { params: { query: { ...page(cursor), sort: "starts" } } }));
export const listTasks = (cursor?: string) => unwrap(api.GET("/tasks", { params: { query: { ...page(cursor), sort: "due" } } }));
export const listDeadlines = (cursor?: string) => unwrap(api.GET("/deadlines", { params: { query: { ...page(cursor), sort: "due" } } }));

export const peopleQuery = () => infiniteQueryOptions({ queryKey: assistantKeys.list("person"), queryFn: ({ pageParam }) => listPeople(pageParam), ...paging });
export const placesQuery = () => infiniteQueryOptions({ queryKey: assistantKeys.list("place"), queryFn: ({ pageParam }) => listPlaces(pageParam), ...paging });
export const eventsQuery = () => infiniteQueryOptions({ queryKey: assistantKeys.list("event"), queryFn: ({ pageParam }) => listEvents(pageParam), ...paging });
export const tasksQuery = () => infiniteQueryOptions({ queryKey: assistantKeys.list("task"), queryFn: ({ pageParam }) => listTasks(pageParam), ...paging });
export const deadlinesQuery = () => infiniteQueryOptions({ queryKey: assistantKeys.list("deadline"), queryFn: ({ pageParam }) => listDeadlines(pageParam), ...paging });

export const usePeople = () => useInfiniteQuery(peopleQuery());
export const usePlaces = () => useInfiniteQuery(placesQuery());
export const useEvents = () => useInfiniteQuery(eventsQuery());
export const useTasks = () => useInfiniteQuery(tasksQuery());
export const useDeadlines = () => useInfiniteQuery(deadlinesQuery());

/** The items of every page loaded so far. */
export const loadedItems = <T,>(data: { pages: { items: T[] }[] } | undefined): T[] => data?.pages.flatMap((loaded) => loaded.items) ?? [];

/** Every kind's loaded entries as name summaries, for link pickers and for naming the ends of links. */
export const useEntitySummaries = () => {
  const results = [usePeople(), usePlaces(), useEvents(), useTasks(), useDeadlines()] as const;
  const [people, places, events, tasks, deadlines] = results;
  const summaries = [
    ...loadedItems(people.data).map((item) => ({ kind: "person" as const, id: item.id, name: item.name, detail: [item.title, item.company].filter(Boolean).join(", ") || null })),
    ...loadedItems(places.data).map((item) => ({ kind: "place" as const, id: item.id, name: item.name, detail: [item.city, item.country].filter(Boolean).join(", ") || null })),
    ...loadedItems(events.data).map((item) => ({ kind: "event" as const, id: item.id, name: item.title, detail: item.location })),
    ...loadedItems(tasks.data).map((item) => ({ kind: "task" as const, id: item.id, name: item.title, detail: null })),
    ...loadedItems(deadlines.data).map((item) => ({ kind: "deadline" as const, id: item.id, name: item.title, detail: null })),
  ];
  return { summaries, isPending: results.some((result) => result.isPending), error: results.find((result) => result.error)?.error ?? null };
};

export const kindLabel = (kind: TEntityKind) => ENTITY_KINDS.find((entry) => entry.kind === kind)!.label;

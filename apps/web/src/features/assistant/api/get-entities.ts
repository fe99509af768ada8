import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQueries } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { assistantKeys, type TEntityKind } from "./types.ts";
import { i18n } from "../../../lib/i18n/index.ts";

// 50 per page, then "Load more" through the API's cursor: a personal context (003) is usually tens of entries.
const PAGE = 50;
const page = (cursor: string | undefined, limit = PAGE) => ({ limit, ...(cursor ? { cursor } : {}) });
const paging = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor ?? undefined,
};

/** GET /people, /places, /events, /tasks, /deadlines: each kind's list in its natural order, a page at a time. */
export const listPeople = (cursor?: string, limit?: number) =>
  unwrap(api.GET("/people", { params: { query: { ...page(cursor, limit), sort: "name" } } }));
export const listPlaces = (cursor?: string, limit?: number) =>
  unwrap(api.GET("/places", { params: { query: { ...page(cursor, limit), sort: "name" } } }));
export const listEvents = (cursor?: string, limit?: number) =>
  unwrap(api.GET("/events", { params: { query: { ...page(cursor, limit), sort: "starts" } } }));
export const listTasks = (cursor?: string, limit?: number) =>
  unwrap(api.GET("/tasks", { params: { query: { ...page(cursor, limit), sort: "due" } } }));
export const listDeadlines = (cursor?: string, limit?: number) =>
  unwrap(api.GET("/deadlines", { params: { query: { ...page(cursor, limit), sort: "due" } } }));

export const peopleQuery = () =>
  infiniteQueryOptions({
    queryKey: assistantKeys.list("person"),
    queryFn: ({ pageParam }) => listPeople(pageParam),
    ...paging,
  });
export const placesQuery = () =>
  infiniteQueryOptions({
    queryKey: assistantKeys.list("place"),
    queryFn: ({ pageParam }) => listPlaces(pageParam),
    ...paging,
  });
export const eventsQuery = () =>
  infiniteQueryOptions({
    queryKey: assistantKeys.list("event"),
    queryFn: ({ pageParam }) => listEvents(pageParam),
    ...paging,
  });
export const tasksQuery = () =>
  infiniteQueryOptions({
    queryKey: assistantKeys.list("task"),
    queryFn: ({ pageParam }) => listTasks(pageParam),
    ...paging,
  });
export const deadlinesQuery = () =>
  infiniteQueryOptions({
    queryKey: assistantKeys.list("deadline"),
    queryFn: ({ pageParam }) => listDeadlines(pageParam),
    ...paging,
  });

export const usePeople = () => useInfiniteQuery(peopleQuery());
export const usePlaces = () => useInfiniteQuery(placesQuery());
export const useEvents = () => useInfiniteQuery(eventsQuery());
export const useTasks = () => useInfiniteQuery(tasksQuery());
export const useDeadlines = () => useInfiniteQuery(deadlinesQuery());

/** The items of every page loaded so far. */
export const loadedItems = <T>(data: { pages: { items: T[] }[] } | undefined): T[] =>
  data?.pages.flatMap((loaded) => loaded.items) ?? [];

type TPageOf<T> = { items: T[]; nextCursor: string | null };

/** Every page, 100 at a time, bounded at 10 pages (1,000 per kind): for pickers and naming link ends, not for display. */
const everyPage = async <T>(list: (cursor?: string, limit?: number) => Promise<TPageOf<T>>) => {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let count = 0; count < 10; count++) {
    const loaded = await list(cursor, 100);
    items.push(...loaded.items);
    if (!loaded.nextCursor) break;
    cursor = loaded.nextCursor;
  }
  return items;
};

const every = <T>(kind: TEntityKind, list: (cursor?: string, limit?: number) => Promise<TPageOf<T>>) =>
  queryOptions({ queryKey: assistantKeys.every(kind), queryFn: () => everyPage(list) });

/** Every kind's entries as name summaries, for link pickers and for naming the ends of links. */
export const useEntitySummaries = () => {
  const results = useQueries({
    queries: [
      every("person", listPeople),
      every("place", listPlaces),
      every("event", listEvents),
      every("task", listTasks),
      every("deadline", listDeadlines),
    ] as const,
  });
  const [people, places, events, tasks, deadlines] = results;
  const summaries = [
    ...(people.data ?? []).map((item) => ({
      kind: "person" as const,
      id: item.id,
      name: item.name,
      detail: [item.title, item.company].filter(Boolean).join(", ") || null,
    })),
    ...(places.data ?? []).map((item) => ({
      kind: "place" as const,
      id: item.id,
      name: item.name,
      detail: [item.city, item.country].filter(Boolean).join(", ") || null,
    })),
    ...(events.data ?? []).map((item) => ({
      kind: "event" as const,
      id: item.id,
      name: item.title,
      detail: item.location,
    })),
    ...(tasks.data ?? []).map((item) => ({ kind: "task" as const, id: item.id, name: item.title, detail: null })),
    ...(deadlines.data ?? []).map((item) => ({
      kind: "deadline" as const,
      id: item.id,
      name: item.title,
      detail: null,
    })),
  ];
  return {
    summaries,
    isPending: results.some((result) => result.isPending),
    error: results.find((result) => result.error)?.error ?? null,
  };
};

/** One kind's entries as pickers list them. */
export const useEntityChoices = (kind: TEntityKind) =>
  useEntitySummaries().summaries.filter((summary) => summary.kind === kind);

export const kindLabel = (kind: TEntityKind) => i18n.t(`assistant.kinds.${kind}`);

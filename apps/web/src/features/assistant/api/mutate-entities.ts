import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";

import type {
  TCreateDeadline,
  TCreateEvent,
  TCreatePerson,
  TCreatePlace,
  TCreateTask,
  ZUpdateDeadlineSchema,
  ZUpdateEventSchema,
  ZUpdatePersonSchema,
  ZUpdatePlaceSchema,
  ZUpdateTaskSchema,
} from "@cto/contracts/api/assistant";

import { api, unwrap } from "../../../lib/api-client.ts";
import { assistantKeys, type TEntityKind } from "./types.ts";

export type TNewPerson = TCreatePerson;
export type TNewPlace = TCreatePlace;
export type TNewEvent = TCreateEvent;
export type TNewTask = TCreateTask;
export type TNewDeadline = TCreateDeadline;
type TPatch<TSchema extends z.ZodType> = z.input<TSchema> & { id: string };

/** POST to each kind's collection. */
export const createPerson = (body: TNewPerson) => unwrap(api.POST("/people", { body }));
export const createPlace = (body: TNewPlace) => unwrap(api.POST("/places", { body }));
export const createEvent = (body: TNewEvent) => unwrap(api.POST("/events", { body }));
export const createTask = (body: TNewTask) => unwrap(api.POST("/tasks", { body }));
export const createDeadline = (body: TNewDeadline) => unwrap(api.POST("/deadlines", { body }));

/** PATCH /{kind}/{id}: the fields the forms edit; the API validates them as on create (400 with field paths). */
const patch = <B extends { id: string }>({ id, ...body }: B) => ({ params: { path: { id } }, body });
export const updatePerson = (input: TPatch<typeof ZUpdatePersonSchema>) =>
  unwrap(api.PATCH("/people/{id}", patch(input)));
export const updatePlace = (input: TPatch<typeof ZUpdatePlaceSchema>) =>
  unwrap(api.PATCH("/places/{id}", patch(input)));
export const updateEvent = (input: TPatch<typeof ZUpdateEventSchema>) =>
  unwrap(api.PATCH("/events/{id}", patch(input)));
export const updateTask = (input: TPatch<typeof ZUpdateTaskSchema>) => unwrap(api.PATCH("/tasks/{id}", patch(input)));
export const updateDeadline = (input: TPatch<typeof ZUpdateDeadlineSchema>) =>
  unwrap(api.PATCH("/deadlines/{id}", patch(input)));

/** DELETE /{kind}/{id}: into the trash (all five kinds keep a trash). */
export const trashEntity = ({ kind, id }: { kind: TEntityKind; id: string }) => {
  const params = { path: { id }, query: { permanent: "false" as const } };
  switch (kind) {
    case "person":
      return unwrap(api.DELETE("/people/{id}", { params }));
    case "place":
      return unwrap(api.DELETE("/places/{id}", { params }));
    case "event":
      return unwrap(api.DELETE("/events/{id}", { params }));
    case "task":
      return unwrap(api.DELETE("/tasks/{id}", { params }));
    case "deadline":
      return unwrap(api.DELETE("/deadlines/{id}", { params }));
  }
};

/** POST /tasks/{id}/complete and /deadlines/{id}/complete; a second completion is refused (409). */
export const completeTask = (id: string) => unwrap(api.POST("/tasks/{id}/complete", { params: { path: { id } } }));
export const completeDeadline = (id: string) =>
  unwrap(api.POST("/deadlines/{id}/complete", { params: { path: { id } } }));

// Not exact: the kind's list and every one of its entity pages (["assistant", kind, id]) are re-read.
const useKindMutation = <T, R>(kind: TEntityKind, mutationFn: (input: T) => Promise<R>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assistantKeys.list(kind) }),
  });
};

export const useCreatePerson = () => useKindMutation("person", createPerson);
export const useCreatePlace = () => useKindMutation("place", createPlace);
export const useCreateEvent = () => useKindMutation("event", createEvent);
export const useCreateTask = () => useKindMutation("task", createTask);
export const useCreateDeadline = () => useKindMutation("deadline", createDeadline);
export const useUpdatePerson = () => useKindMutation("person", updatePerson);
export const useUpdatePlace = () => useKindMutation("place", updatePlace);
export const useUpdateEvent = () => useKindMutation("event", updateEvent);
export const useUpdateTask = () => useKindMutation("task", updateTask);
export const useUpdateDeadline = () => useKindMutation("deadline", updateDeadline);
export const useCompleteTask = () => useKindMutation("task", completeTask);
export const useCompleteDeadline = () => useKindMutation("deadline", completeDeadline);

export const useTrashEntity = () => {
  const queryClient = useQueryClient();
  // Only the list: the trashed entity's own page navigates away and must not refetch into a 404.
  return useMutation({
    mutationFn: trashEntity,
    onSuccess: (_result, { kind }) =>
      Promise.all(
        [assistantKeys.list(kind), assistantKeys.every(kind)].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey, exact: true }),
        ),
      ),
  });
};

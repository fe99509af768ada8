import type { TEntityRecord } from "../api/get-entity.ts";
import { DeadlineForm, EventForm } from "./events-deadlines.tsx";
import { PersonForm, PlaceForm } from "./people-places.tsx";
import { TaskForm } from "./tasks-tab.tsx";

/** The kind's own form, filled with the entity: the same fields and checks as adding one. */
export const EditEntityForm = ({ entity, close }: { entity: TEntityRecord; close: () => void }) => {
  switch (entity.kind) {
    case "person":
      return <PersonForm person={entity.raw} close={close} />;
    case "place":
      return <PlaceForm place={entity.raw} close={close} />;
    case "event":
      return <EventForm event={entity.raw} close={close} />;
    case "task":
      return <TaskForm task={entity.raw} close={close} />;
    case "deadline":
      return <DeadlineForm deadline={entity.raw} close={close} />;
  }
};

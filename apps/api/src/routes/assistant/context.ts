import { Event, Person, Place } from "@cto/contracts/tables";

import { eventService, personService, placeService } from "../../services/assistant/context.ts";
import { resourceRoutes } from "../resource.ts";

/** People, places and events of the assistant context (003): soft-deleted, with trash and restore. */
export const personRoutes = resourceRoutes({ service: personService, tag: "People", table: Person });
export const placeRoutes = resourceRoutes({ service: placeService, tag: "Places", table: Place });
export const eventRoutes = resourceRoutes({ service: eventService, tag: "Events", table: Event });

import { useNavigate, useSearch } from "@tanstack/react-router";

import { PageHeader } from "../../../components/ui/card.tsx";
import { Tabs } from "../../../components/ui/tabs.tsx";
import { ENTITY_KINDS, type TEntityKind } from "../api/types.ts";
import { DeadlinesTab, EventsTab } from "./events-deadlines.tsx";
import { PeopleTab, PlacesTab } from "./people-places.tsx";
import { TasksTab } from "./tasks-tab.tsx";

export type TAssistantSearch = { tab?: TEntityKind };

const CONTENT: Record<TEntityKind, () => React.JSX.Element> = {
  person: PeopleTab,
  place: PlacesTab,
  event: EventsTab,
  task: TasksTab,
  deadline: DeadlinesTab,
};

/** 003's assistant context: the people, places, events, tasks and deadlines your coach knows about. */
export const AssistantPage = () => {
  const search = useSearch({ strict: false }) as TAssistantSearch;
  const navigate = useNavigate();
  return (
    <div data-testid="assistant-page">
      <PageHeader
        title="People & tasks"
        description="The people, places and plans your coach keeps in mind, and how they connect."
      />
      <Tabs
        label="Context"
        value={search.tab ?? "person"}
        onChange={(tab) => void navigate({ to: "/assistant", search: tab === "person" ? {} : { tab }, replace: true })}
        tabs={ENTITY_KINDS.map(({ kind, plural }) => {
          const Content = CONTENT[kind];
          return { value: kind, label: plural, content: <Content /> };
        })}
      />
    </div>
  );
};

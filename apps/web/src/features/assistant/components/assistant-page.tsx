import { useNavigate, useSearch } from "@tanstack/react-router";

import { PageHeader } from "../../../components/ui/card.tsx";
import { Tabs } from "../../../components/ui/tabs.tsx";
import { ENTITY_KINDS, type TEntityKind } from "../api/types.ts";
import { DeadlinesTab, EventsTab } from "./events-deadlines.tsx";
import { PeopleTab, PlacesTab } from "./people-places.tsx";
import { TasksTab } from "./tasks-tab.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

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
  const { t } = useTranslation();
  return (
    <div data-testid="assistant-page">
      <PageHeader title={t("assistant.title")} description={t("assistant.description")} />
      <Tabs
        label={t("assistant.tabsLabel")}
        value={search.tab ?? "person"}
        onChange={(tab) => void navigate({ to: "/assistant", search: tab === "person" ? {} : { tab }, replace: true })}
        tabs={ENTITY_KINDS.map(({ kind }) => {
          const Content = CONTENT[kind];
          return { value: kind, label: t(`assistant.plurals.${kind}`), content: <Content /> };
        })}
      />
    </div>
  );
};

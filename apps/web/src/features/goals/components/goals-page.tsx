import { useNavigate, useSearch } from "@tanstack/react-router";

import { PageHeader } from "../../../components/ui/card.tsx";
import { Tabs } from "../../../components/ui/tabs.tsx";
import { CommitmentList } from "./commitment-list.tsx";
import { GoalList } from "./goal-list.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** `goal` / `commitment`: one to open for editing (a search result's link); the tab follows it. */
export type TGoalsSearch = { tab?: "goals" | "commitments"; goal?: string; commitment?: string };

export const GoalsPage = () => {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as TGoalsSearch;
  const navigate = useNavigate();
  const tab = search.tab ?? (search.commitment ? "commitments" : "goals");
  // Closing the opened one drops it from the address, so a reload does not open it again.
  const closeLinked = () => void navigate({ to: "/goals", search: tab === "goals" ? {} : { tab }, replace: true });
  return (
    <div>
      <PageHeader title={t("goals.title")} description={t("goals.description")} />
      <Tabs
        label={t("goals.tabsLabel")}
        value={tab}
        onChange={(next) =>
          void navigate({ to: "/goals", search: next === "goals" ? {} : { tab: next }, replace: true })
        }
        tabs={[
          {
            value: "goals",
            label: t("goals.goals"),
            content: <GoalList linked={search.goal} onLinkedClosed={closeLinked} />,
          },
          {
            value: "commitments",
            label: t("goals.commitments"),
            content: <CommitmentList linked={search.commitment} onLinkedClosed={closeLinked} />,
          },
        ]}
      />
    </div>
  );
};

import { useState } from "react";

import { PageHeader } from "../../../components/ui/card.tsx";
import { Tabs } from "../../../components/ui/tabs.tsx";
import { CommitmentList } from "./commitment-list.tsx";
import { GoalList } from "./goal-list.tsx";

export const GoalsPage = () => {
  const [tab, setTab] = useState<"goals" | "commitments">("goals");
  return (
    <div>
      <PageHeader title="Goals" description="Where you are heading, and the commitments that get you there." />
      <Tabs
        label="Goals and commitments"
        value={tab}
        onChange={setTab}
        tabs={[
          { value: "goals", label: "Goals", content: <GoalList /> },
          { value: "commitments", label: "Commitments", content: <CommitmentList /> },
        ]}
      />
    </div>
  );
};

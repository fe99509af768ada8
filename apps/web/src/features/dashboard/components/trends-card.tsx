import { Link } from "@tanstack/react-router";

import { buttonClass } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Chart } from "../../../components/ui/chart.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { TREND_DAYS, useTrends } from "../api/list-trends.ts";
import { dayLabel, energyByDay, moodByDay } from "./trend-data.ts";

const checkInAction = (
  <Link to="/check-ins" className={buttonClass("primary", "sm")}>
    Check in now
  </Link>
);

export const MoodCard = () => {
  const trends = useTrends();
  return (
    <Card aria-labelledby="mood-card-title">
      <CardHeader
        title={<span id="mood-card-title">Mood</span>}
        description={`Feelings you logged, last ${TREND_DAYS} days: above 0 is pleasant, below is hard.`}
      />
      <QueryState
        query={trends}
        loadingLines={5}
        isEmpty={(data) => !data.emotions.length}
        empty={
          <EmptyState
            title="No feelings logged yet"
            description="Log how you feel to see your mood over time."
            action={checkInAction}
          />
        }
      >
        {(data) => (
          <Chart
            title={`Mood per day, last ${TREND_DAYS} days`}
            series={[{ name: "Mood", points: moodByDay(data.emotions), color: "#7c3aed" }]}
            yDomain={[-10, 10]}
            formatX={dayLabel}
          />
        )}
      </QueryState>
    </Card>
  );
};

export const EnergyCard = () => {
  const trends = useTrends();
  return (
    <Card aria-labelledby="energy-card-title">
      <CardHeader
        title={<span id="energy-card-title">Energy</span>}
        description={`Your energy check-ins (1–10), last ${TREND_DAYS} days.`}
      />
      <QueryState
        query={trends}
        loadingLines={5}
        isEmpty={(data) => !data.energy.length}
        empty={
          <EmptyState
            title="No energy check-ins yet"
            description="Rate your energy to spot your best hours."
            action={checkInAction}
          />
        }
      >
        {(data) => (
          <Chart
            title={`Energy per day, last ${TREND_DAYS} days`}
            kind="bar"
            series={[{ name: "Energy", points: energyByDay(data.energy), color: "#0d9488" }]}
            yDomain={[0, 10]}
            formatX={dayLabel}
          />
        )}
      </QueryState>
    </Card>
  );
};

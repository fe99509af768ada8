import { Link } from "@tanstack/react-router";

import { buttonClass } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Chart } from "../../../components/ui/chart.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { TREND_DAYS, useTrends } from "../api/list-trends.ts";
import { dayLabel, energyByDay, moodByDay } from "./trend-data.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

const CheckInAction = () => {
  const { t } = useTranslation();
  return (
    <Link to="/check-ins" className={buttonClass("primary", "sm")}>
      {t("dashboard.checkInNow")}
    </Link>
  );
};

export const MoodCard = () => {
  const { t } = useTranslation();
  const trends = useTrends();
  return (
    <Card aria-labelledby="mood-card-title">
      <CardHeader
        title={<span id="mood-card-title">{t("dashboard.mood.title")}</span>}
        description={t("dashboard.mood.description", { days: TREND_DAYS })}
      />
      <QueryState
        query={trends}
        loadingLines={5}
        isEmpty={(data) => !data.emotions.length}
        empty={
          <EmptyState
            title={t("dashboard.mood.emptyTitle")}
            description={t("dashboard.mood.emptyDescription")}
            action={<CheckInAction />}
          />
        }
      >
        {(data) => (
          <Chart
            title={t("dashboard.mood.chartTitle", { days: TREND_DAYS })}
            series={[{ name: t("dashboard.mood.title"), points: moodByDay(data.emotions), color: "#7c3aed" }]}
            yDomain={[-10, 10]}
            formatX={dayLabel}
          />
        )}
      </QueryState>
    </Card>
  );
};

export const EnergyCard = () => {
  const { t } = useTranslation();
  const trends = useTrends();
  return (
    <Card aria-labelledby="energy-card-title">
      <CardHeader
        title={<span id="energy-card-title">{t("dashboard.energy.title")}</span>}
        description={t("dashboard.energy.description", { days: TREND_DAYS })}
      />
      <QueryState
        query={trends}
        loadingLines={5}
        isEmpty={(data) => !data.energy.length}
        empty={
          <EmptyState
            title={t("dashboard.energy.emptyTitle")}
            description={t("dashboard.energy.emptyDescription")}
            action={<CheckInAction />}
          />
        }
      >
        {(data) => (
          <Chart
            title={t("dashboard.energy.chartTitle", { days: TREND_DAYS })}
            kind="bar"
            series={[{ name: t("dashboard.energy.title"), points: energyByDay(data.energy), color: "#0d9488" }]}
            yDomain={[0, 10]}
            formatX={dayLabel}
          />
        )}
      </QueryState>
    </Card>
  );
};

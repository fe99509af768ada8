import { useIsFetching } from "@tanstack/react-query";
import { Link, useRouteContext } from "@tanstack/react-router";

import { buttonClass } from "../../../components/ui/button.tsx";
import { PageHeader } from "../../../components/ui/card.tsx";
import { ConsistencyCard } from "./consistency-card.tsx";
import { DueTodayCard } from "./due-today-card.tsx";
import { GoalsCard } from "./goals-card.tsx";
import { NotificationsCard } from "./notifications-card.tsx";
import { ReportCard } from "./report-card.tsx";
import { EnergyCard, MoodCard } from "./trends-card.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

const greeting = (hour = new Date().getHours()) =>
  hour < 5 ? "night" : hour < 12 ? "morning" : hour < 18 ? "afternoon" : "evening";

/** The first screen: today's commitments and goals, mood and energy trends, the latest report and notifications. */
export const DashboardPage = () => {
  const { t } = useTranslation();
  // The signed-in layout put the session in the route context; features do not import each other.
  const { session } = useRouteContext({ strict: false }) as { session?: { user: { name: string | null } } };
  const name = session?.user.name;
  // The bench and e2e tests wait for this marker: the page is usable once its first data is in.
  const loading = useIsFetching({ predicate: (query) => query.state.status === "pending" });
  return (
    <div data-testid={loading ? "dashboard-loading" : "dashboard-ready"}>
      <PageHeader
        title={`${t(`dashboard.greeting.${greeting()}`)}${name ? `, ${name.split(" ")[0]}` : ""}`}
        description={t("dashboard.description")}
        actions={
          <>
            <Link to="/check-ins" className={buttonClass("secondary")}>
              {t("dashboard.checkIn")}
            </Link>
            <Link to="/chat" className={buttonClass("primary")}>
              {t("dashboard.talkToCoach")}
            </Link>
          </>
        }
      />
      <div className="grid gap-5 lg:grid-cols-3">
        <div className="min-w-0 space-y-5 lg:col-span-2">
          <div className="grid gap-5 md:grid-cols-2">
            <DueTodayCard />
            <GoalsCard />
          </div>
          <div className="grid gap-5 md:grid-cols-2">
            <MoodCard />
            <EnergyCard />
          </div>
          <ReportCard />
        </div>
        <div className="min-w-0 space-y-5">
          <ConsistencyCard />
          <NotificationsCard />
        </div>
      </div>
    </div>
  );
};

import { Badge } from "../../../components/ui/badge.tsx";
import { Chart } from "../../../components/ui/chart.tsx";
import { formatPeriod, periodTimezone } from "../../../lib/format.ts";
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";
import type { TReport } from "../api/get-reports.ts";
import { readReportPayload } from "../api/report-payload.ts";

const dayLabel = (day: number) => i18n.t("reports.detail.day", { day: day + 1 });
const COMMITMENTS = ["kept", "skipped", "open"] as const;
const commitmentLabel = (x: number) => {
  const key = COMMITMENTS[x];
  return key ? i18n.t(`reports.detail.${key}`) : "";
};

const Stat = ({ label, value, hint }: { label: string; value: string; hint?: string }) => (
  <div className="rounded-lg bg-slate-50 px-4 py-3 ring-1 ring-slate-200">
    <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
    <p className="mt-1 text-2xl font-semibold text-slate-900">{value}</p>
    {hint && <p className="text-xs text-slate-500">{hint}</p>}
  </div>
);

/** One report: its summary, the numbers, and charts drawn from its JSON payload. */
export const ReportDetail = ({ report }: { report: TReport }) => {
  const { t } = useTranslation();
  const view = readReportPayload(report.payload);
  const kept = view.commitments;
  return (
    <article aria-labelledby="report-title" className="space-y-6">
      <header>
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="report-title" className="text-lg font-semibold text-slate-900">
            {report.title ?? t("reports.detail.report")}
          </h2>
          <Badge tone="brand">
            {formatPeriod(report.periodStart, report.periodEnd, periodTimezone(report.payload))}
          </Badge>
        </div>
        {report.summary && <p className="mt-2 max-w-3xl leading-relaxed text-slate-700">{report.summary}</p>}
      </header>

      <div className="grid gap-3 sm:grid-cols-3">
        <Stat
          label={t("reports.detail.consistency")}
          value={view.consistency === null ? "–" : `${Math.round(view.consistency)}%`}
          hint={t("reports.detail.consistencyHint")}
        />
        <Stat
          label={t("reports.detail.commitmentsKept")}
          value={kept ? String(kept.completed) : "–"}
          hint={kept ? t("reports.detail.keptHint", { skipped: kept.skipped, pending: kept.pending }) : undefined}
        />
        <Stat label={t("reports.detail.goalsTracked")} value={String(view.goals.length)} />
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        {view.energy.length > 0 && (
          <section aria-label={t("reports.detail.energy")}>
            <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("reports.detail.energy")}</h3>
            <Chart
              title={t("reports.detail.energyChart")}
              series={[
                {
                  name: t("reports.detail.energy"),
                  points: view.energy.map(({ day, level }) => ({ x: day, y: level })),
                },
              ]}
              yDomain={[0, 10]}
              formatX={dayLabel}
            />
          </section>
        )}
        {view.emotions.length > 0 && (
          <section aria-label={t("reports.detail.emotions")}>
            <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("reports.detail.emotionsTitle")}</h3>
            <Chart
              title={t("reports.detail.emotionsChart")}
              kind="bar"
              series={(["positive", "neutral", "negative"] as const)
                .map((valence, index) => ({
                  name: t(`reports.detail.valence.${valence}`),
                  color: ["#0d9488", "#94a3b8", "#db2777"][index],
                  points: view.emotions
                    .filter((point) => point.valence === valence)
                    .map(({ day, intensity }) => ({ x: day, y: intensity })),
                }))
                .filter((series) => series.points.length > 0)}
              yDomain={[0, 10]}
              formatX={dayLabel}
            />
          </section>
        )}
        {kept && (
          <section aria-label={t("reports.detail.commitments")}>
            <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("reports.detail.commitments")}</h3>
            <Chart
              title={t("reports.detail.commitmentsChart")}
              kind="bar"
              series={[
                {
                  name: t("reports.detail.commitments"),
                  points: [kept.completed, kept.skipped, kept.pending].map((y, x) => ({
                    x,
                    y,
                    label: commitmentLabel(x),
                  })),
                },
              ]}
              formatX={commitmentLabel}
              integers
            />
          </section>
        )}
        {view.goals.length > 0 && (
          <section aria-label={t("reports.detail.goalProgress")}>
            <h3 className="mb-3 text-sm font-semibold text-slate-900">{t("reports.detail.goalProgress")}</h3>
            <ul className="space-y-3">
              {view.goals.map((goal, index) => (
                // Two goals may share a title: the position keeps their rows apart.
                <li key={`${index}-${goal.title}`}>
                  <div className="mb-1 flex items-baseline justify-between gap-3 text-sm">
                    <span className="min-w-0 text-slate-800">{goal.title}</span>
                    <span className="shrink-0 font-medium tabular-nums text-slate-900">
                      {Math.round(goal.progress)}%
                    </span>
                  </div>
                  <div
                    role="progressbar"
                    aria-label={t("reports.detail.progress", { title: goal.title })}
                    aria-valuenow={Math.round(goal.progress)}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    className="h-2 rounded-full bg-slate-200"
                  >
                    <div className="h-2 rounded-full bg-brand-600" style={{ width: `${goal.progress}%` }} />
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>

      {view.topInsights.length > 0 && (
        <section aria-label={t("reports.detail.stoodOut")}>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("reports.detail.stoodOut")}</h3>
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
            {view.topInsights.map((insight, index) => (
              <li key={`${index}-${insight}`}>{insight}</li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
};

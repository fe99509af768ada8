import { Badge } from "../../../components/ui/badge.tsx";
import { Chart } from "../../../components/ui/chart.tsx";
import { formatPeriod, periodTimezone } from "../../../lib/format.ts";
import type { TReport } from "../api/get-reports.ts";
import { readReportPayload } from "../api/report-payload.ts";

const dayLabel = (day: number) => `Day ${day + 1}`;
const COMMITMENTS = ["Kept", "Skipped", "Open"] as const;

const Stat = ({ label, value, hint }: { label: string; value: string; hint?: string }) => (
  <div className="rounded-lg bg-slate-50 px-4 py-3 ring-1 ring-slate-200">
    <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
    <p className="mt-1 text-2xl font-semibold text-slate-900">{value}</p>
    {hint && <p className="text-xs text-slate-500">{hint}</p>}
  </div>
);

/** One report: its summary, the numbers, and charts drawn from its JSON payload. */
export const ReportDetail = ({ report }: { report: TReport }) => {
  const view = readReportPayload(report.payload);
  const kept = view.commitments;
  return (
    <article aria-labelledby="report-title" className="space-y-6">
      <header>
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="report-title" className="text-lg font-semibold text-slate-900">
            {report.title ?? "Report"}
          </h2>
          <Badge tone="brand">
            {formatPeriod(report.periodStart, report.periodEnd, periodTimezone(report.payload))}
          </Badge>
        </div>
        {report.summary && <p className="mt-2 max-w-3xl leading-relaxed text-slate-700">{report.summary}</p>}
      </header>

      <div className="grid gap-3 sm:grid-cols-3">
        <Stat
          label="Consistency"
          value={view.consistency === null ? "–" : `${Math.round(view.consistency)}%`}
          hint="Commitments due that you kept"
        />
        <Stat
          label="Commitments kept"
          value={kept ? String(kept.completed) : "–"}
          hint={kept ? `${kept.skipped} skipped, ${kept.pending} open` : undefined}
        />
        <Stat label="Goals tracked" value={String(view.goals.length)} />
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        {view.energy.length > 0 && (
          <section aria-label="Energy">
            <h3 className="mb-2 text-sm font-semibold text-slate-900">Energy</h3>
            <Chart
              title="Energy level per day, 1 to 10"
              series={[{ name: "Energy", points: view.energy.map(({ day, level }) => ({ x: day, y: level })) }]}
              yDomain={[0, 10]}
              formatX={dayLabel}
            />
          </section>
        )}
        {view.emotions.length > 0 && (
          <section aria-label="Emotions">
            <h3 className="mb-2 text-sm font-semibold text-slate-900">How strongly you felt</h3>
            <Chart
              title="Emotion intensity per day, 1 to 10"
              kind="bar"
              series={["positive", "neutral", "negative"]
                .map((valence, index) => ({
                  name: valence[0]!.toUpperCase() + valence.slice(1),
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
          <section aria-label="Commitments">
            <h3 className="mb-2 text-sm font-semibold text-slate-900">Commitments</h3>
            <Chart
              title="Commitments kept, skipped and open"
              kind="bar"
              series={[
                {
                  name: "Commitments",
                  points: [kept.completed, kept.skipped, kept.pending].map((y, x) => ({ x, y, label: COMMITMENTS[x] })),
                },
              ]}
              formatX={(x) => COMMITMENTS[x] ?? ""}
              integers
            />
          </section>
        )}
        {view.goals.length > 0 && (
          <section aria-label="Goal progress">
            <h3 className="mb-3 text-sm font-semibold text-slate-900">Goal progress</h3>
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
                    aria-label={`${goal.title} progress`}
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
        <section aria-label="What stood out">
          <h3 className="mb-2 text-sm font-semibold text-slate-900">What stood out</h3>
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

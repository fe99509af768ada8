import { Badge } from "../../../components/ui/badge.tsx";
import { Card, CardHeader, PageHeader } from "../../../components/ui/card.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { formatRelative } from "../../../lib/format.ts";
import { useRecentEmotions, useRecentEnergy } from "../api/list-check-ins.ts";
import { EmotionForm, VALENCE_LABELS } from "./emotion-form.tsx";
import { EnergyForm } from "./energy-form.tsx";

const VALENCE_TONE = { positive: "success", neutral: "neutral", negative: "warning" } as const;

const Recent = () => {
  const emotions = useRecentEmotions();
  const energy = useRecentEnergy();
  return (
    <Card aria-labelledby="recent-title">
      <CardHeader title={<span id="recent-title">Recent check-ins</span>} />
      <div className="grid gap-6 md:grid-cols-2">
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-700">Feelings</h3>
          <QueryState
            query={emotions}
            isEmpty={(page) => !page.items.length}
            empty={<EmptyState title="No feelings logged yet" />}
          >
            {(page) => (
              <ul aria-label="Recent feelings" className="divide-y divide-slate-100">
                {page.items.map((item) => (
                  <li key={item.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                    <span className="min-w-0">
                      <span className="font-medium capitalize text-slate-900">{item.label}</span>
                      {item.note && <span className="block truncate text-xs text-slate-500">{item.note}</span>}
                    </span>
                    <span className="flex shrink-0 items-center gap-2">
                      <Badge tone={VALENCE_TONE[item.valence]}>
                        {VALENCE_LABELS[item.valence]} · {item.intensity}/10
                      </Badge>
                      <span className="text-xs text-slate-500">{formatRelative(item.recordedAt)}</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </div>
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-700">Energy</h3>
          <QueryState
            query={energy}
            isEmpty={(page) => !page.items.length}
            empty={<EmptyState title="No energy check-ins yet" />}
          >
            {(page) => (
              <ul aria-label="Recent energy" className="divide-y divide-slate-100">
                {page.items.map((item) => (
                  <li key={item.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                    <span className="min-w-0">
                      <span className="font-medium text-slate-900">Energy {item.level}/10</span>
                      {item.note && <span className="block truncate text-xs text-slate-500">{item.note}</span>}
                    </span>
                    <span className="shrink-0 text-xs text-slate-500">{formatRelative(item.recordedAt)}</span>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </div>
      </div>
    </Card>
  );
};

export const CheckInsPage = () => (
  <div>
    <PageHeader
      title="Check-ins"
      description="A minute to notice how you are. Your coach and your dashboard learn from it."
    />
    <div className="grid gap-5 lg:grid-cols-2">
      <EmotionForm />
      <EnergyForm />
    </div>
    <div className="mt-5">
      <Recent />
    </div>
  </div>
);

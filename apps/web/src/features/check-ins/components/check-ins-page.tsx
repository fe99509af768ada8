import { Badge } from "../../../components/ui/badge.tsx";
import { Card, CardHeader, PageHeader } from "../../../components/ui/card.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { formatNumber, formatRelative } from "../../../lib/format.ts";
import { useRecentEmotions, useRecentEnergy } from "../api/list-check-ins.ts";
import { EmotionForm } from "./emotion-form.tsx";
import { EnergyForm } from "./energy-form.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

const VALENCE_TONE = { positive: "success", neutral: "neutral", negative: "warning" } as const;

const Recent = () => {
  const { t } = useTranslation();
  const emotions = useRecentEmotions();
  const energy = useRecentEnergy();
  return (
    <Card aria-labelledby="recent-title">
      <CardHeader title={<span id="recent-title">{t("checkIns.recent")}</span>} />
      <div className="grid gap-6 md:grid-cols-2">
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("checkIns.feelings")}</h3>
          <QueryState
            query={emotions}
            isEmpty={(page) => !page.items.length}
            empty={<EmptyState title={t("checkIns.noFeelings")} />}
          >
            {(page) => (
              <ul aria-label={t("checkIns.recentFeelings")} className="divide-y divide-slate-100">
                {page.items.map((item) => (
                  <li key={item.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                    <span className="min-w-0">
                      <span className="font-medium capitalize text-slate-900">{item.label}</span>
                      {item.note && <span className="block truncate text-xs text-slate-500">{item.note}</span>}
                    </span>
                    <span className="flex shrink-0 items-center gap-2">
                      <Badge tone={VALENCE_TONE[item.valence]}>
                        {t(`checkInForms.valences.${item.valence}`)} · {formatNumber(item.intensity)}/10
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
          <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("checkIns.energy")}</h3>
          <QueryState
            query={energy}
            isEmpty={(page) => !page.items.length}
            empty={<EmptyState title={t("checkIns.noEnergy")} />}
          >
            {(page) => (
              <ul aria-label={t("checkIns.recentEnergy")} className="divide-y divide-slate-100">
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

const CheckInsHeader = () => {
  const { t } = useTranslation();
  return <PageHeader title={t("checkIns.title")} description={t("checkIns.description")} />;
};

export const CheckInsPage = () => (
  <div>
    <CheckInsHeader />
    <div className="grid gap-5 lg:grid-cols-2">
      <EmotionForm />
      <EnergyForm />
    </div>
    <div className="mt-5">
      <Recent />
    </div>
  </div>
);

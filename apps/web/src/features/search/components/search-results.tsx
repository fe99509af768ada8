import { Badge } from "../../../components/ui/badge.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { TargetLink } from "../../../components/target-link.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { formatDate, humanize } from "../../../lib/format.ts";
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";
import { memoryTarget } from "../../../lib/targets.ts";
import type { TSearchResult } from "../api/search.ts";

type TMemoryMatch = TSearchResult["memory"][number];

const match = (score: number) => i18n.t("search.match", { percent: Math.round(Math.max(0, Math.min(1, score)) * 100) });
const excerpt = (text: string, max = 400) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

export const MemoryResults = ({ items }: { items: TSearchResult["memory"] }) => {
  const { t } = useTranslation();
  return (
    <Card aria-labelledby="memory-results">
      <CardHeader
        title={<span id="memory-results">{t("search.memoryResults.title")}</span>}
        description={t("search.memoryResults.description")}
      />
      {items.length === 0 ? (
        <EmptyState
          title={t("search.memoryResults.emptyTitle")}
          description={t("search.memoryResults.emptyDescription")}
        />
      ) : (
        <ol className="divide-y divide-slate-100">
          {items.map((item) => (
            <li key={item.id} className="py-3 first:pt-0 last:pb-0">
              <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                <Badge tone="brand">{t(`search.ownerKinds.${item.ownerKind}`)}</Badge>
                <span>{formatDate(item.createdAt)}</span>
                <span aria-hidden="true">·</span>
                <span>{match(item.score)}</span>
              </div>
              <p className="whitespace-pre-wrap text-sm text-slate-800">{excerpt(item.content)}</p>
              <ResultLink item={item} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
};

const ResultLink = ({ item }: { item: TMemoryMatch }) => {
  const target = memoryTarget(item);
  if (!target) return null;
  return (
    <TargetLink target={target} className="mt-1 inline-block text-sm font-medium text-brand-700 hover:underline">
      {target.label}
      <span className="sr-only">: {excerpt(item.content, 60)}</span>
    </TargetLink>
  );
};

export const KnowledgeResults = ({ items }: { items: TSearchResult["knowledge"] }) => {
  const { t } = useTranslation();
  return (
    <Card aria-labelledby="knowledge-results">
      <CardHeader
        title={<span id="knowledge-results">{t("search.knowledgeResults.title")}</span>}
        description={t("search.knowledgeResults.description")}
      />
      {items.length === 0 ? (
        <EmptyState
          title={t("search.knowledgeResults.emptyTitle")}
          description={t("search.knowledgeResults.emptyDescription")}
        />
      ) : (
        <ol className="divide-y divide-slate-100">
          {items.map((item) => (
            <li key={item.id} className="py-3 first:pt-0 last:pb-0">
              <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                {item.type && <Badge tone="brand">{humanize(item.type)}</Badge>}
                {item.phase !== null && <Badge>{t("search.phaseNumber", { phase: item.phase })}</Badge>}
                {item.goal && <Badge>{humanize(item.goal)}</Badge>}
                <span>{match(item.score)}</span>
              </div>
              <p className="whitespace-pre-wrap text-sm text-slate-800">{excerpt(item.textContent)}</p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
};

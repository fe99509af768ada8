import { useState, type FormEvent } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Select } from "../../../components/ui/input.tsx";
import { LoadMore } from "../../../components/ui/load-more.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { EmptyState, ErrorState, FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { formatDate, formatDateTime, formatNumber } from "../../../lib/format.ts";
import { periodLabel, storyPeriods } from "../api/periods.ts";
import { useGenerateStory, useQuota, useStories } from "../api/stories.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** 002's AI stories: one per week or month, written from what you did, within today's generation limit. */
export const StoriesPanel = () => {
  const stories = useStories();
  const quota = useQuota();
  const generate = useGenerateStory();
  const toast = useToast();
  const { t } = useTranslation();
  const periods = storyPeriods();
  const [period, setPeriod] = useState(periods[0]!.value);
  const loaded = stories.data?.pages.flatMap((page) => page.items) ?? [];
  // The periods offered are this and last week and month: the newest stories, on the first page.
  const existing = new Set(loaded.map((story) => story.period));
  const spent = quota.data ? quota.data.remaining <= 0 : false;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    generate.mutate(period, { onSuccess: () => toast.show(t("community.stories.ready")) });
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[22rem_minmax(0,1fr)]">
      <Card aria-labelledby="generate-title">
        <CardHeader
          title={<span id="generate-title">{t("community.stories.title")}</span>}
          description={t("community.stories.description")}
        />
        <form onSubmit={submit} className="space-y-4">
          <Field label={t("community.stories.period")}>
            <Select value={period} onChange={(event) => setPeriod(event.target.value)}>
              {periods.map((option) => (
                <option key={option.value} value={option.value}>
                  {t("community.stories.option", {
                    label: t(`community.stories.periods.${option.label}`),
                    period: periodLabel(option.value),
                  })}
                  {existing.has(option.value) ? t("community.stories.written") : ""}
                </option>
              ))}
            </Select>
          </Field>
          <p className="text-sm text-slate-600" role="status" aria-label={t("community.stories.left")}>
            {quota.isPending
              ? t("community.stories.checking")
              : quota.isError
                ? t("community.stories.unreadable")
                : t("community.stories.quota", {
                    remaining: formatNumber(quota.data.remaining),
                    limit: formatNumber(quota.data.limit),
                    date: formatDateTime(quota.data.resetsAt),
                  })}
          </p>
          <FormError error={generate.error} />
          <Button
            type="submit"
            className="w-full"
            loading={generate.isPending}
            disabled={spent || existing.has(period)}
          >
            {t(
              existing.has(period)
                ? "community.stories.alreadyWritten"
                : spent
                  ? "community.stories.noneLeft"
                  : "community.stories.write",
            )}
          </Button>
        </form>
      </Card>
      <section aria-label={t("community.stories.list")} className="space-y-4">
        {stories.isPending ? (
          <LoadingBlock lines={5} label={t("community.stories.loading")} />
        ) : stories.isError ? (
          <ErrorState error={stories.error} onRetry={() => void stories.refetch()} />
        ) : loaded.length === 0 ? (
          <EmptyState title={t("community.stories.emptyTitle")} description={t("community.stories.emptyDescription")} />
        ) : (
          <>
            {loaded.map((story) => (
              <article
                key={story.id}
                className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
                aria-label={t("community.stories.storyFor", { period: periodLabel(story.period) })}
              >
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone="brand">{periodLabel(story.period)}</Badge>
                  <span className="text-xs text-slate-500">
                    {t("community.stories.writtenOn", { date: formatDate(story.createdAt) })}
                  </span>
                </div>
                <p className="mt-3 whitespace-pre-wrap leading-relaxed text-slate-800">{story.content}</p>
              </article>
            ))}
            <LoadMore query={stories} label={t("community.stories.loadMore")} />
          </>
        )}
      </section>
    </div>
  );
};

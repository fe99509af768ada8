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
import { formatDate, formatDateTime } from "../../../lib/format.ts";
import { storyPeriods } from "../api/periods.ts";
import { useGenerateStory, useQuota, useStories } from "../api/stories.ts";

/** 002's AI stories: one per week or month, written from what you did, within today's generation limit. */
export const StoriesPanel = () => {
  const stories = useStories();
  const quota = useQuota();
  const generate = useGenerateStory();
  const toast = useToast();
  const periods = storyPeriods();
  const [period, setPeriod] = useState(periods[0]!.value);
  const loaded = stories.data?.pages.flatMap((page) => page.items) ?? [];
  // The periods offered are this and last week and month: the newest stories, on the first page.
  const existing = new Set(loaded.map((story) => story.period));
  const spent = quota.data ? quota.data.remaining <= 0 : false;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    generate.mutate(period, { onSuccess: () => toast.show("Your story is ready.") });
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[22rem_minmax(0,1fr)]">
      <Card aria-labelledby="generate-title">
        <CardHeader
          title={<span id="generate-title">Write my story</span>}
          description="Cto turns a week or month of your goals, check-ins and posts into a short story of your growth."
        />
        <form onSubmit={submit} className="space-y-4">
          <Field label="Period">
            <Select value={period} onChange={(event) => setPeriod(event.target.value)}>
              {periods.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label} ({option.value}){existing.has(option.value) ? " · written" : ""}
                </option>
              ))}
            </Select>
          </Field>
          <p className="text-sm text-slate-600" role="status" aria-label="Generations left today">
            {quota.isPending
              ? "Checking today's allowance…"
              : quota.isError
                ? "Today's allowance could not be read."
                : `${quota.data.remaining} of ${quota.data.limit} generations left today · resets ${formatDateTime(quota.data.resetsAt)}`}
          </p>
          <FormError error={generate.error} />
          <Button
            type="submit"
            className="w-full"
            loading={generate.isPending}
            disabled={spent || existing.has(period)}
          >
            {existing.has(period) ? "Already written" : spent ? "No generations left today" : "Write the story"}
          </Button>
        </form>
      </Card>
      <section aria-label="Your stories" className="space-y-4">
        {stories.isPending ? (
          <LoadingBlock lines={5} label="Loading your stories…" />
        ) : stories.isError ? (
          <ErrorState error={stories.error} onRetry={() => void stories.refetch()} />
        ) : loaded.length === 0 ? (
          <EmptyState title="No stories yet" description="Write your first one for this week." />
        ) : (
          <>
            {loaded.map((story) => (
              <article
                key={story.id}
                className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
                aria-label={`Story for ${story.period}`}
              >
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone="brand">{story.period}</Badge>
                  <span className="text-xs text-slate-500">Written {formatDate(story.createdAt)}</span>
                </div>
                <p className="mt-3 whitespace-pre-wrap leading-relaxed text-slate-800">{story.content}</p>
              </article>
            ))}
            <LoadMore query={stories} label="Load more stories" />
          </>
        )}
      </section>
    </div>
  );
};

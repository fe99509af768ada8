import { useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect, useState, type FormEvent } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Card, PageHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Checkbox, Input, Select } from "../../../components/ui/input.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { EmptyState, ErrorState } from "../../../components/ui/states.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { useSearchResults } from "../api/search.ts";
import { toApiQuery, type TSearchParams } from "../api/search-params.ts";
import { KnowledgeResults, MemoryResults } from "./search-results.tsx";

// The kinds people search for; the API knows a few more internal ones (user_context, energy_metric…).
const KINDS = [
  "message",
  "insight",
  "report",
  "goal",
  "commitment",
  "emotion",
  "post",
  "story",
  "analysis_message",
  "person",
  "event",
  "task",
  "deadline",
  "document_chunk",
] as const;

const SCOPES = ["all", "memory", "knowledge"] as const;

/** Search by meaning across what you wrote (memory) and the shared knowledge base; the URL holds the search. */
export const SearchPage = () => {
  const { t } = useTranslation();
  const params = useSearch({ strict: false }) as TSearchParams;
  const navigate = useNavigate();
  const [draft, setDraft] = useState<TSearchParams>(params);
  useEffect(() => setDraft(params), [JSON.stringify(params)]); // eslint-disable-line react-hooks/exhaustive-deps
  const query = toApiQuery(params);
  const results = useSearchResults(query);
  const scope = draft.scope ?? "all";
  const kinds = new Set((draft.kinds ?? "").split(",").filter(Boolean));
  const toggleKind = (kind: string, on: boolean) => {
    const next = new Set(kinds);
    if (on) next.add(kind);
    else next.delete(kind);
    setDraft({ ...draft, kinds: [...next].join(",") || undefined });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ to: "/search", search: { ...draft, q: draft.q?.trim() || undefined } });
  };

  return (
    <div data-testid="search-page">
      <PageHeader title={t("search.title")} description={t("search.description")} />
      <Card className="mb-6">
        {/* biome-ignore lint/a11y/useSemanticElements: the form is the search landmark; a <search> wrapper would add nothing */}
        <form role="search" onSubmit={submit} className="space-y-4">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <Field label={t("search.searchFor")} className="flex-1">
              <Input
                type="search"
                value={draft.q ?? ""}
                maxLength={1000}
                placeholder={t("search.placeholder")}
                onChange={(event) => setDraft({ ...draft, q: event.target.value })}
              />
            </Field>
            <Button type="submit" disabled={!draft.q?.trim()}>
              {t("search.submit")}
            </Button>
          </div>
          <Segmented
            label={t("search.searchIn")}
            value={scope}
            onChange={(next) => setDraft({ ...draft, scope: next === "all" ? undefined : next })}
            options={SCOPES.map((value) => ({ value, label: t(`search.scopes.${value}`) }))}
          />
          <details
            className="rounded-lg bg-slate-50 px-4 py-3 ring-1 ring-slate-200"
            open={Boolean(params.kinds || params.from || params.to || params.phase || params.goal || params.type)}
          >
            <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("search.filters")}</summary>
            <div className="mt-4 grid gap-5 lg:grid-cols-2">
              <fieldset disabled={scope === "knowledge"} className="space-y-3 disabled:opacity-50">
                <legend className="text-sm font-semibold text-slate-900">{t("search.yourMemory")}</legend>
                <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
                  {KINDS.map((kind) => (
                    <Checkbox
                      key={kind}
                      label={t(`search.kinds.${kind}`)}
                      checked={kinds.has(kind)}
                      onChange={(event) => toggleKind(kind, event.target.checked)}
                    />
                  ))}
                </div>
                <div className="grid grid-cols-2 gap-3">
                  <Field label={t("search.from")}>
                    <Input
                      type="date"
                      value={draft.from ?? ""}
                      onChange={(event) => setDraft({ ...draft, from: event.target.value || undefined })}
                    />
                  </Field>
                  <Field label={t("search.to")}>
                    <Input
                      type="date"
                      value={draft.to ?? ""}
                      onChange={(event) => setDraft({ ...draft, to: event.target.value || undefined })}
                    />
                  </Field>
                </div>
              </fieldset>
              <fieldset disabled={scope === "memory"} className="space-y-3 disabled:opacity-50">
                <legend className="text-sm font-semibold text-slate-900">{t("search.knowledgeBase")}</legend>
                <Field label={t("search.phase")}>
                  <Select
                    value={draft.phase ?? ""}
                    onChange={(event) =>
                      setDraft({ ...draft, phase: event.target.value ? Number(event.target.value) : undefined })
                    }
                  >
                    <option value="">{t("search.anyPhase")}</option>
                    {[1, 2, 3, 4].map((phase) => (
                      <option key={phase} value={phase}>
                        {t("search.phaseNumber", { phase })}
                      </option>
                    ))}
                  </Select>
                </Field>
                <div className="grid grid-cols-2 gap-3">
                  <Field label={t("search.goal")} optional>
                    <Input
                      value={draft.goal ?? ""}
                      maxLength={100}
                      placeholder={t("search.goalPlaceholder")}
                      onChange={(event) => setDraft({ ...draft, goal: event.target.value || undefined })}
                    />
                  </Field>
                  <Field label={t("search.type")} optional>
                    <Input
                      value={draft.type ?? ""}
                      maxLength={100}
                      placeholder={t("search.typePlaceholder")}
                      onChange={(event) => setDraft({ ...draft, type: event.target.value || undefined })}
                    />
                  </Field>
                </div>
              </fieldset>
            </div>
          </details>
        </form>
      </Card>
      {!query.q ? (
        <EmptyState title={t("search.emptyTitle")} description={t("search.emptyDescription")} />
      ) : results.isPending ? (
        <LoadingBlock lines={6} label={t("search.searching")} />
      ) : results.isError ? (
        <ErrorState title={t("search.failed")} error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <section
          className={results.isFetching ? "opacity-60 transition-opacity" : undefined}
          aria-busy={results.isFetching}
          aria-label={t("search.results")}
        >
          <div className="grid gap-6 lg:grid-cols-2">
            {query.scope !== "knowledge" && <MemoryResults items={results.data.memory} />}
            {query.scope !== "memory" && <KnowledgeResults items={results.data.knowledge} />}
          </div>
        </section>
      )}
    </div>
  );
};

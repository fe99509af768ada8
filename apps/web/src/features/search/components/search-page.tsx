import { useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect, useState, type FormEvent } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Card, PageHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Checkbox, Input, Select } from "../../../components/ui/input.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { EmptyState, ErrorState } from "../../../components/ui/states.tsx";
import { useSearchResults } from "../api/search.ts";
import { toApiQuery, type TSearchParams } from "../api/search-params.ts";
import { KnowledgeResults, MemoryResults } from "./search-results.tsx";

// The kinds people search for; the API knows a few more internal ones (user_context, energy_metric…).
const KINDS = [
  ["message", "Coach chats"],
  ["insight", "Insights"],
  ["report", "Reports"],
  ["goal", "Goals"],
  ["commitment", "Commitments"],
  ["emotion", "Check-ins"],
  ["post", "Posts"],
  ["story", "Stories"],
  ["analysis_message", "Analysed chats"],
  ["person", "People"],
  ["event", "Events"],
  ["task", "Tasks"],
  ["deadline", "Deadlines"],
  ["document_chunk", "Documents"],
] as const;

const SCOPES = [
  { value: "all" as const, label: "Everything" },
  { value: "memory" as const, label: "My memory" },
  { value: "knowledge" as const, label: "Knowledge base" },
];

/** Search by meaning across what you wrote (memory) and the shared knowledge base; the URL holds the search. */
export const SearchPage = () => {
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
      <PageHeader title="Search" description="Find anything by what it means, not just the exact words." />
      <Card className="mb-6">
        {/* biome-ignore lint/a11y/useSemanticElements: the form is the search landmark; a <search> wrapper would add nothing */}
        <form role="search" onSubmit={submit} className="space-y-4">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <Field label="Search for" className="flex-1">
              <Input
                type="search"
                value={draft.q ?? ""}
                maxLength={1000}
                placeholder="e.g. handing over the release"
                onChange={(event) => setDraft({ ...draft, q: event.target.value })}
              />
            </Field>
            <Button type="submit" disabled={!draft.q?.trim()}>
              Search
            </Button>
          </div>
          <Segmented
            label="Search in"
            value={scope}
            onChange={(next) => setDraft({ ...draft, scope: next === "all" ? undefined : next })}
            options={SCOPES}
          />
          <details
            className="rounded-lg bg-slate-50 px-4 py-3 ring-1 ring-slate-200"
            open={Boolean(params.kinds || params.from || params.to || params.phase || params.goal || params.type)}
          >
            <summary className="cursor-pointer text-sm font-medium text-slate-800">Filters</summary>
            <div className="mt-4 grid gap-5 lg:grid-cols-2">
              <fieldset disabled={scope === "knowledge"} className="space-y-3 disabled:opacity-50">
                <legend className="text-sm font-semibold text-slate-900">Your memory</legend>
                <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
                  {KINDS.map(([kind, label]) => (
                    <Checkbox
                      key={kind}
                      label={label}
                      checked={kinds.has(kind)}
                      onChange={(event) => toggleKind(kind, event.target.checked)}
                    />
                  ))}
                </div>
                <div className="grid grid-cols-2 gap-3">
                  <Field label="From">
                    <Input
                      type="date"
                      value={draft.from ?? ""}
                      onChange={(event) => setDraft({ ...draft, from: event.target.value || undefined })}
                    />
                  </Field>
                  <Field label="To">
                    <Input
                      type="date"
                      value={draft.to ?? ""}
                      onChange={(event) => setDraft({ ...draft, to: event.target.value || undefined })}
                    />
                  </Field>
                </div>
              </fieldset>
              <fieldset disabled={scope === "memory"} className="space-y-3 disabled:opacity-50">
                <legend className="text-sm font-semibold text-slate-900">Knowledge base</legend>
                <Field label="Phase">
                  <Select
                    value={draft.phase ?? ""}
                    onChange={(event) =>
                      setDraft({ ...draft, phase: event.target.value ? Number(event.target.value) : undefined })
                    }
                  >
                    <option value="">Any phase</option>
                    {[1, 2, 3, 4].map((phase) => (
                      <option key={phase} value={phase}>
                        Phase {phase}
                      </option>
                    ))}
                  </Select>
                </Field>
                <div className="grid grid-cols-2 gap-3">
                  <Field label="Goal" optional>
                    <Input
                      value={draft.goal ?? ""}
                      maxLength={100}
                      placeholder="e.g. confidence"
                      onChange={(event) => setDraft({ ...draft, goal: event.target.value || undefined })}
                    />
                  </Field>
                  <Field label="Type" optional>
                    <Input
                      value={draft.type ?? ""}
                      maxLength={100}
                      placeholder="e.g. technique"
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
        <EmptyState
          title="What are you looking for?"
          description="Search your conversations, check-ins, goals, posts and people, and the coaching knowledge base."
        />
      ) : results.isPending ? (
        <LoadingBlock lines={6} label="Searching…" />
      ) : results.isError ? (
        <ErrorState title="The search did not work" error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <section
          className={results.isFetching ? "opacity-60 transition-opacity" : undefined}
          aria-busy={results.isFetching}
          aria-label="Search results"
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

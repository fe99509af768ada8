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
import { errorMessage } from "../../../lib/api-error.ts";
import { humanize } from "../../../lib/format.ts";
import { kindLabel, loadedItems, useEntitySummaries } from "../api/get-entities.ts";
import { useCreateLink, useDeleteLink, useLinks } from "../api/relationships.ts";
import { ENTITY_KINDS, type TEntityKind } from "../api/types.ts";
import { EntityLink } from "./parts.tsx";

const RELATIONSHIPS = [
  "works_with",
  "manages",
  "reports_to",
  "knows",
  "attends",
  "located_at",
  "assigned_to",
  "depends_on",
  "related_to",
];

/** 003's entity relationships from this entity's side: what it is linked to, and a way to add links. */
export const LinksCard = ({ kind, id }: { kind: TEntityKind; id: string }) => {
  const links = useLinks(id);
  const { summaries } = useEntitySummaries();
  const create = useCreateLink();
  const remove = useDeleteLink();
  const toast = useToast();
  const [form, setForm] = useState({
    relationship: "works_with",
    targetType: kind === "person" ? "person" : ("person" as TEntityKind),
    targetId: "",
  });
  const named = (type: TEntityKind, entityId: string) =>
    summaries.find((summary) => summary.kind === type && summary.id === entityId);
  const candidates = summaries.filter((summary) => summary.kind === form.targetType && summary.id !== id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.targetId) return;
    create.mutate(
      {
        sourceType: kind,
        sourceId: id,
        targetType: form.targetType,
        targetId: form.targetId,
        relationship: form.relationship,
      },
      {
        onSuccess: () => {
          setForm({ ...form, targetId: "" });
          toast.show("Linked.");
        },
      },
    );
  };

  return (
    <Card aria-labelledby="links-title">
      <CardHeader
        title={<span id="links-title">Links</span>}
        description="How this connects to the rest of your world."
      />
      {links.isPending ? (
        <LoadingBlock label="Loading links…" />
      ) : links.isError ? (
        <ErrorState error={links.error} onRetry={() => void links.refetch()} />
      ) : links.data.pages[0]?.items.length === 0 ? (
        <EmptyState
          title="No links yet"
          description="Link people to the events they attend, tasks to their deadlines, and so on."
        />
      ) : (
        <>
          <ul className="divide-y divide-slate-100" aria-label="Links">
            {loadedItems(links.data).map((link) => {
              const outgoing = link.sourceId === id;
              const other = outgoing
                ? { type: link.targetType, id: link.targetId }
                : { type: link.sourceType, id: link.sourceId };
              const end = named(other.type, other.id);
              return (
                <li key={link.id} className="flex flex-wrap items-center justify-between gap-3 py-2.5">
                  <p className="text-sm text-slate-700">
                    <span className="text-slate-500">
                      {outgoing ? humanize(link.relationship) : `${humanize(link.relationship)} (from)`}
                    </span>{" "}
                    {end ? (
                      <EntityLink kind={other.type} id={other.id}>
                        {end.name}
                      </EntityLink>
                    ) : (
                      <span className="italic text-slate-500">an item in the trash</span>
                    )}{" "}
                    <Badge>{kindLabel(other.type)}</Badge>
                  </p>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Remove the link to ${end?.name ?? "this item"}`}
                    loading={remove.isPending && remove.variables?.id === link.id}
                    onClick={() =>
                      remove.mutate(
                        { id: link.id, entityId: id },
                        { onError: (error) => toast.show(errorMessage(error), "error") },
                      )
                    }
                  >
                    Remove
                  </Button>
                </li>
              );
            })}
          </ul>
          <LoadMore query={links} label="Load more links" />
        </>
      )}
      <form onSubmit={submit} aria-label="Add a link" className="mt-5 space-y-3 border-t border-slate-100 pt-4">
        <FormError error={create.error} />
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Relationship">
            <Select
              value={form.relationship}
              onChange={(event) => setForm({ ...form, relationship: event.target.value })}
            >
              {RELATIONSHIPS.map((relationship) => (
                <option key={relationship} value={relationship}>
                  {humanize(relationship)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Kind">
            <Select
              value={form.targetType}
              onChange={(event) => setForm({ ...form, targetType: event.target.value as TEntityKind, targetId: "" })}
            >
              {ENTITY_KINDS.map((entry) => (
                <option key={entry.kind} value={entry.kind}>
                  {entry.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Linked to">
            <Select value={form.targetId} onChange={(event) => setForm({ ...form, targetId: event.target.value })}>
              <option value="">{candidates.length ? "Choose…" : "Nothing of this kind yet"}</option>
              {candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="flex justify-end">
          <Button type="submit" size="sm" loading={create.isPending} disabled={!form.targetId}>
            Add link
          </Button>
        </div>
      </form>
    </Card>
  );
};

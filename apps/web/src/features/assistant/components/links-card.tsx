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
import { kindLabel, loadedItems, useEntitySummaries } from "../api/get-entities.ts";
import { useCreateLink, useDeleteLink, useLinks } from "../api/relationships.ts";
import { ENTITY_KINDS, type TEntityKind } from "../api/types.ts";
import { EntityLink } from "./parts.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { enumLabel } from "../../../lib/i18n/enum-label.ts";

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
  const { t } = useTranslation();
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
          toast.show(t("assistant.links.linked"));
        },
      },
    );
  };

  return (
    <Card aria-labelledby="links-title">
      <CardHeader
        title={<span id="links-title">{t("assistant.links.title")}</span>}
        description={t("assistant.links.description")}
      />
      {links.isPending ? (
        <LoadingBlock label={t("assistant.links.loading")} />
      ) : links.isError ? (
        <ErrorState error={links.error} onRetry={() => void links.refetch()} />
      ) : links.data.pages[0]?.items.length === 0 ? (
        <EmptyState title={t("assistant.links.emptyTitle")} description={t("assistant.links.emptyDescription")} />
      ) : (
        <>
          <ul className="divide-y divide-slate-100" aria-label={t("assistant.links.list")}>
            {loadedItems(links.data).map((link) => {
              const outgoing = link.sourceId === id;
              const other = outgoing
                ? { type: link.targetType, id: link.targetId }
                : { type: link.sourceType, id: link.sourceId };
              const end = named(other.type, other.id);
              const relationship = enumLabel("assistant.links.relationships", link.relationship);
              return (
                <li key={link.id} className="flex flex-wrap items-center justify-between gap-3 py-2.5">
                  <p className="text-sm text-slate-700">
                    <span className="text-slate-500">
                      {outgoing ? relationship : t("assistant.links.from", { relationship })}
                    </span>{" "}
                    {end ? (
                      <EntityLink kind={other.type} id={other.id}>
                        {end.name}
                      </EntityLink>
                    ) : (
                      <span className="italic text-slate-500">{t("assistant.links.trashed")}</span>
                    )}{" "}
                    <Badge>{kindLabel(other.type)}</Badge>
                  </p>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={t("assistant.links.removeLabel", { name: end?.name ?? t("assistant.links.thisItem") })}
                    loading={remove.isPending && remove.variables?.id === link.id}
                    onClick={() =>
                      remove.mutate(
                        { id: link.id, entityId: id },
                        { onError: (error) => toast.show(errorMessage(error), "error") },
                      )
                    }
                  >
                    {t("assistant.links.remove")}
                  </Button>
                </li>
              );
            })}
          </ul>
          <LoadMore query={links} label={t("assistant.links.loadMore")} />
        </>
      )}
      <form
        onSubmit={submit}
        aria-label={t("assistant.links.add")}
        className="mt-5 space-y-3 border-t border-slate-100 pt-4"
      >
        <FormError error={create.error} />
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label={t("assistant.links.relationship")}>
            <Select
              value={form.relationship}
              onChange={(event) => setForm({ ...form, relationship: event.target.value })}
            >
              {RELATIONSHIPS.map((relationship) => (
                <option key={relationship} value={relationship}>
                  {enumLabel("assistant.links.relationships", relationship)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("assistant.links.kind")}>
            <Select
              value={form.targetType}
              onChange={(event) => setForm({ ...form, targetType: event.target.value as TEntityKind, targetId: "" })}
            >
              {ENTITY_KINDS.map((entry) => (
                <option key={entry.kind} value={entry.kind}>
                  {kindLabel(entry.kind)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("assistant.links.linkedTo")}>
            <Select value={form.targetId} onChange={(event) => setForm({ ...form, targetId: event.target.value })}>
              <option value="">{t(candidates.length ? "assistant.links.choose" : "assistant.links.nothing")}</option>
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
            {t("assistant.links.submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
};

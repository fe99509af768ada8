import { Link } from "@tanstack/react-router";
import { useState, type FormEvent, type ReactNode } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { LoadMore } from "../../../components/ui/load-more.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { EmptyState, ErrorState, FormError } from "../../../components/ui/states.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { loadedItems } from "../api/get-entities.ts";
import type { TEntityKind } from "../api/types.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { enumLabel } from "../../../lib/i18n/enum-label.ts";

/** `datetime-local` values are local wall-clock times; the API wants Unix ms. */
export const fromLocalInput = (value: string) => (value ? new Date(value).getTime() : null);

export const fieldErrors = (error: unknown) => (error instanceof ApiError ? error.fields : {});

/** A card with a list and an "Add" form that opens in place, keeping the list in view. */
export const EntitySection = ({
  kind,
  form,
  children,
}: {
  kind: TEntityKind;
  form: (close: () => void) => ReactNode;
  children: ReactNode;
}) => {
  const [adding, setAdding] = useState(false);
  const { t } = useTranslation();
  const title = t(`assistant.plurals.${kind}`);
  return (
    <Card aria-label={title}>
      <CardHeader
        title={title}
        description={t(`assistant.sections.${kind}`)}
        actions={
          !adding && (
            <Button size="sm" onClick={() => setAdding(true)}>
              {t(`assistant.addButton.${kind}`)}
            </Button>
          )
        }
      />
      {adding && (
        <div className="mb-5 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">{form(() => setAdding(false))}</div>
      )}
      {children}
    </Card>
  );
};

/** The add and edit forms' frame: form-level error, fields, and Save / Cancel. */
export const AddForm = ({
  label,
  error,
  pending,
  onSubmit,
  onCancel,
  children,
}: {
  label: string;
  error: unknown;
  pending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) => {
  const formError = useFormError(error);
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form ref={formError.ref} onSubmit={submit} aria-label={label} className="space-y-3">
      <FormError error={formError.error} />
      <div className="grid gap-3 sm:grid-cols-2">{children}</div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          {t("assistant.cancel")}
        </Button>
        <Button type="submit" loading={pending}>
          {t("assistant.save")}
        </Button>
      </div>
    </form>
  );
};

type TListQuery<T> = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data?: { pages: { items: T[] }[] };
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/** Loading, error and empty states around a paged list of entities, and "Load more" while pages remain. */
export const EntityList = <T extends { id: string }>({
  query,
  kind,
  children,
}: {
  query: TListQuery<T>;
  kind: TEntityKind;
  children: (item: T) => ReactNode;
}) => {
  const { t } = useTranslation();
  if (query.isPending) return <LoadingBlock label={t(`assistant.loading.${kind}`)} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = loadedItems(query.data);
  if (!items.length) return <EmptyState title={t(`assistant.empty.${kind}`)} />;
  return (
    <>
      <ul className="divide-y divide-slate-100" aria-label={t(`assistant.plurals.${kind}`)}>
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            {children(item)}
          </li>
        ))}
      </ul>
      <LoadMore query={query} label={t(`assistant.loadMore.${kind}`)} />
    </>
  );
};

export const EntityLink = ({ kind, id, children }: { kind: TEntityKind; id: string; children: ReactNode }) => (
  <Link
    to="/assistant/$kind/$id"
    params={{ kind, id }}
    className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
  >
    {children}
  </Link>
);

/** One list row: the entity's link with its lines under it (`children`), and `aside` (badges, actions) beside them. */
export const EntityRow = ({
  kind,
  id,
  title,
  aside,
  children,
}: {
  kind: TEntityKind;
  id: string;
  title: ReactNode;
  aside: ReactNode;
  children: ReactNode;
}) => (
  <>
    <div className="min-w-0">
      <EntityLink kind={kind} id={id}>
        {title}
      </EntityLink>
      {children}
    </div>
    {aside}
  </>
);

/**
 * The usual kinds as options, in words (`labels`: their messages' group); the saved value stays
 * choosable even when it is not one of them.
 */
export const KindOptions = ({ kinds, current, labels }: { kinds: string[]; current: string; labels: string }) => {
  useTranslation();
  return (kinds.includes(current) ? kinds : [...kinds, current]).map((kind) => (
    <option key={kind} value={kind}>
      {enumLabel(labels, kind)}
    </option>
  ));
};

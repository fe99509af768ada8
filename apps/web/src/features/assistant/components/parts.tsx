import { Link } from "@tanstack/react-router";
import { useState, type FormEvent, type ReactNode } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { LoadMore } from "../../../components/ui/load-more.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { EmptyState, ErrorState, FormError } from "../../../components/ui/states.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { humanize } from "../../../lib/format.ts";
import { loadedItems } from "../api/get-entities.ts";
import type { TEntityKind } from "../api/types.ts";

/** `datetime-local` values are local wall-clock times; the API wants Unix ms. */
export const fromLocalInput = (value: string) => (value ? new Date(value).getTime() : null);

export const fieldErrors = (error: unknown) => (error instanceof ApiError ? error.fields : {});

/** A card with a list and an "Add" form that opens in place, keeping the list in view. */
export const EntitySection = ({
  title,
  description,
  addLabel,
  form,
  children,
}: {
  title: string;
  description: string;
  addLabel: string;
  form: (close: () => void) => ReactNode;
  children: ReactNode;
}) => {
  const [adding, setAdding] = useState(false);
  return (
    <Card aria-label={title}>
      <CardHeader
        title={title}
        description={description}
        actions={
          !adding && (
            <Button size="sm" onClick={() => setAdding(true)}>
              {addLabel}
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
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          Save
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
  empty,
  label,
  children,
}: {
  query: TListQuery<T>;
  empty: string;
  label: string;
  children: (item: T) => ReactNode;
}) => {
  if (query.isPending) return <LoadingBlock label={`Loading ${label.toLowerCase()}…`} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = loadedItems(query.data);
  if (!items.length) return <EmptyState title={empty} />;
  return (
    <>
      <ul className="divide-y divide-slate-100" aria-label={label}>
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            {children(item)}
          </li>
        ))}
      </ul>
      <LoadMore query={query} label={`Load more ${label.toLowerCase()}`} />
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

/** The usual kinds as options, humanized; the saved value stays choosable even when it is not one of them. */
export const KindOptions = ({ kinds, current }: { kinds: string[]; current: string }) =>
  (kinds.includes(current) ? kinds : [...kinds, current]).map((kind) => (
    <option key={kind} value={kind}>
      {humanize(kind)}
    </option>
  ));

import type { ReactNode } from "react";

import { LoadMore } from "./load-more.tsx";
import { LoadingBlock } from "./spinner.tsx";
import { ErrorState } from "./states.tsx";

/** What the list reads of a `useInfiniteQuery` over the API's cursor pages (`{ items, nextCursor }`). */
export type TPagedListQuery<TItem> = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  data: { pages: { items: TItem[] }[] } | undefined;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/**
 * A cursor-paginated list in its states: a skeleton named `loadingLabel` while the first page loads,
 * the error with a retry, `empty` when the first page is empty, else every loaded item in one divided
 * `<ul>` (each item renders its own `<li>`) with "Load more" while the API has more.
 */
export const PagedList = <TItem,>({
  query,
  loadingLabel,
  empty,
  loadMoreLabel,
  label,
  children,
}: {
  query: TPagedListQuery<TItem>;
  loadingLabel: string;
  empty: ReactNode;
  loadMoreLabel: string;
  /** The list's accessible name, where the card's title does not give it one. */
  label?: string;
  children: (item: TItem) => ReactNode;
}) => {
  if (query.isPending) return <LoadingBlock label={loadingLabel} />;
  if (query.isError || !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.pages[0]?.items.length === 0) return <>{empty}</>;
  return (
    <>
      <ul className="divide-y divide-slate-100" {...(label ? { "aria-label": label } : {})}>
        {query.data.pages.flatMap((page) => page.items).map((item) => children(item))}
      </ul>
      <LoadMore query={query} label={loadMoreLabel} />
    </>
  );
};

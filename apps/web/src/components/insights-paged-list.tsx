import type { ReactNode } from "react";

import { PagedList, type TPagedListQuery } from "./ui/paged-list.tsx";
import { EmptyState } from "./ui/states.tsx";

/**
 * The coach's insights a page at a time, as the reports page and the memory page both list them: the
 * same loading, "load more" and empty states; each page says what fills an empty list and draws its items.
 */
export const InsightsPagedList = <TItem,>({
  query,
  emptyDescription,
  children,
}: {
  query: TPagedListQuery<TItem>;
  emptyDescription: string;
  children: (item: TItem) => ReactNode;
}) => (
  <PagedList
    query={query}
    loadingLabel="Loading insights…"
    loadMoreLabel="Load more insights"
    empty={<EmptyState title="No insights yet" description={emptyDescription} />}
  >
    {children}
  </PagedList>
);

import type { ReactNode } from "react";

import { PagedList, type TPagedListQuery } from "./ui/paged-list.tsx";
import { EmptyState } from "./ui/states.tsx";
import { useTranslation } from "../lib/i18n/index.ts";

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
}) => {
  const { t } = useTranslation();
  return (
    <PagedList
      query={query}
      loadingLabel={t("common.insights.loading")}
      loadMoreLabel={t("common.insights.loadMore")}
      empty={<EmptyState title={t("common.insights.empty")} description={emptyDescription} />}
    >
      {children}
    </PagedList>
  );
};

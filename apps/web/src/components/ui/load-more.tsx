import { Button } from "./button.tsx";
import { useTranslation } from "../../lib/i18n/index.ts";

type TPagedQuery = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

/**
 * The "Load more" under a cursor-paginated list (a `useInfiniteQuery`): shown while the API gave a
 * `nextCursor`, busy while the next page loads.
 */
export const LoadMore = ({ query, label }: { query: TPagedQuery; label?: string }) => {
  const { t } = useTranslation();
  return query.hasNextPage ? (
    <div className="flex justify-center pt-3">
      <Button
        variant="secondary"
        size="sm"
        loading={query.isFetchingNextPage}
        onClick={() => void query.fetchNextPage()}
      >
        {label ?? t("common.loadMore")}
      </Button>
    </div>
  ) : null;
};

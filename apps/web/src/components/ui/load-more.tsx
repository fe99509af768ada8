import { Button } from "./button.tsx";

type TPagedQuery = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

/**
 * The "Load more" under a cursor-paginated list (a `useInfiniteQuery`): shown while the API gave a
 * `nextCursor`, busy while the next page loads.
 */
export const LoadMore = ({ query, label = "Load more" }: { query: TPagedQuery; label?: string }) =>
  query.hasNextPage ? (
    <div className="flex justify-center pt-3">
      <Button
        variant="secondary"
        size="sm"
        loading={query.isFetchingNextPage}
        onClick={() => void query.fetchNextPage()}
      >
        {label}
      </Button>
    </div>
  ) : null;

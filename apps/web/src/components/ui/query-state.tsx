import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";

import { LoadingBlock } from "./spinner.tsx";
import { ErrorState } from "./states.tsx";

/**
 * The three states every loaded panel has: a skeleton while loading, the error with a retry,
 * and the content (or `empty` when `isEmpty` says there is nothing to show).
 */
export const QueryState = <T,>({
  query,
  children,
  empty,
  isEmpty,
  loadingLines = 3,
  errorTitle,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  loadingLines?: number;
  errorTitle?: string;
}) => {
  if (query.isPending) return <LoadingBlock lines={loadingLines} />;
  if (query.isError)
    return (
      <ErrorState
        error={query.error}
        onRetry={() => void query.refetch()}
        {...(errorTitle ? { title: errorTitle } : {})}
      />
    );
  if (empty && isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
};

import { QueryCache, QueryClient } from "@tanstack/react-query";

import { ApiError } from "./api-error.ts";

// A client error (4xx) will answer the same on a retry; only network and server failures are worth one.
const shouldRetry = (failureCount: number, error: unknown) => {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
};

/** One QueryClient for the app; `onUnauthorized` runs when any query learns the session has ended. */
export const createQueryClient = ({ onUnauthorized }: { onUnauthorized?: () => void } = {}) =>
  new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) onUnauthorized?.();
      },
    }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });

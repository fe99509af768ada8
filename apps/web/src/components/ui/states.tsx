import type { ReactNode } from "react";

import { errorMessage } from "../../lib/api-error.ts";
import { Button } from "./button.tsx";
import { useTranslation } from "../../lib/i18n/index.ts";

/** What a list or panel shows when there is nothing yet, with the action that fills it. */
export const EmptyState = ({
  title,
  description,
  action,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
}) => (
  <div className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 px-6 py-10 text-center">
    <p className="text-sm font-semibold text-slate-900">{title}</p>
    {description && <p className="mt-1 max-w-sm text-sm text-slate-600">{description}</p>}
    {action && <div className="mt-4">{action}</div>}
  </div>
);

/** A failed load: the reason in plain words and a way to try again. */
export const ErrorState = ({
  error,
  title,
  onRetry,
  retryLabel,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  retryLabel?: string;
}) => {
  const { t } = useTranslation();
  return (
    <div role="alert" className="rounded-xl bg-red-50 px-5 py-4 ring-1 ring-red-200">
      <p className="text-sm font-semibold text-red-900">{title ?? t("common.loadFailed")}</p>
      <p className="mt-1 text-sm text-red-800">{errorMessage(error)}</p>
      {onRetry && (
        <Button variant="secondary" size="sm" className="mt-3" onClick={onRetry}>
          {retryLabel ?? t("common.tryAgain")}
        </Button>
      )}
    </div>
  );
};

/** An inline form-level error (the API's message), announced when it appears. */
export const FormError = ({ error }: { error: unknown }) =>
  error ? (
    <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
      {errorMessage(error)}
    </p>
  ) : null;

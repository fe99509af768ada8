import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { ErrorState, FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { formatRelative } from "../../../lib/format.ts";
import { useOcrStatus, useRetryOcr } from "../api/ocr-status.ts";
import type { TAnalysisSession } from "../api/types.ts";
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";

const retryProblem = (error: unknown) =>
  error instanceof ApiError && error.status === 503
    ? new Error(i18n.t("analysis.ocr.retryUnavailable", { reason: error.message }))
    : error;

/** A screenshot session whose OCR failed: why (the worker's words), and reading the stored image again. */
export const OcrRetry = ({ session }: { session: TAnalysisSession }) => {
  const status = useOcrStatus(session);
  const retry = useRetryOcr();
  const toast = useToast();
  const { t } = useTranslation();
  return (
    <Card aria-labelledby="ocr-failed-title">
      <CardHeader title={<span id="ocr-failed-title">{t("analysis.ocr.failedTitle")}</span>} />
      {status.isPending ? (
        <LoadingBlock lines={2} label={t("analysis.ocr.checking")} />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : (
        <div className="space-y-3 text-sm text-slate-700">
          <p>
            {status.data.lastAttempt?.message ?? t("analysis.ocr.failed")}
            {status.data.lastAttempt && (
              <span className="text-slate-500"> · {formatRelative(status.data.lastAttempt.at)}</span>
            )}
          </p>
          {status.data.hasScreenshot ? (
            <>
              <p>{t("analysis.ocr.stillStored")}</p>
              <FormError error={retry.error ? retryProblem(retry.error) : null} />
              <Button
                loading={retry.isPending}
                onClick={() =>
                  retry.mutate(session.id, { onSuccess: () => toast.show(t("analysis.ocr.readingAgain")) })
                }
              >
                {t("analysis.ocr.readAgain")}
              </Button>
            </>
          ) : (
            <p>{t("analysis.ocr.notStored")}</p>
          )}
        </div>
      )}
    </Card>
  );
};

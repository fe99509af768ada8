import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { ErrorState, FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { formatRelative } from "../../../lib/format.ts";
import { useOcrStatus, useRetryOcr } from "../api/ocr-status.ts";
import type { TAnalysisSession } from "../api/types.ts";

const retryProblem = (error: unknown) =>
  error instanceof ApiError && error.status === 503
    ? new Error(`The screenshot can't be read again right now. ${error.message}`)
    : error;

/** A screenshot session whose OCR failed: why (the worker's words), and reading the stored image again. */
export const OcrRetry = ({ session }: { session: TAnalysisSession }) => {
  const status = useOcrStatus(session);
  const retry = useRetryOcr();
  const toast = useToast();
  return (
    <Card aria-labelledby="ocr-failed-title">
      <CardHeader title={<span id="ocr-failed-title">The text could not be read</span>} />
      {status.isPending ? (
        <LoadingBlock lines={2} label="Checking the screenshot…" />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : (
        <div className="space-y-3 text-sm text-slate-700">
          <p>
            {status.data.lastAttempt?.message ?? "Reading the text from your screenshot did not work."}
            {status.data.lastAttempt && (
              <span className="text-slate-500"> · {formatRelative(status.data.lastAttempt.at)}</span>
            )}
          </p>
          {status.data.hasScreenshot ? (
            <>
              <p>Your screenshot is still stored, so it can be read again without uploading it.</p>
              <FormError error={retry.error ? retryProblem(retry.error) : null} />
              <Button
                loading={retry.isPending}
                onClick={() =>
                  retry.mutate(session.id, { onSuccess: () => toast.show("Reading your screenshot again…") })
                }
              >
                Read it again
              </Button>
            </>
          ) : (
            <p>No screenshot is stored for this session. Start over to upload one.</p>
          )}
        </div>
      )}
    </Card>
  );
};

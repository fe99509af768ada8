import { useState } from "react";

import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Spinner } from "../../../components/ui/spinner.tsx";
import type { TAnalysisSession } from "../api/types.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

/**
 * The screenshot as stored on the server (GET …/screenshot), or nothing when there is none. A session
 * holds one exactly when its screenshotUrl is that path (the upload sets it), so nothing is asked for
 * in vain: a missing image would be a failed request in the console.
 */
export const hasStoredScreenshot = (session: Pick<TAnalysisSession, "id" | "screenshotUrl">) =>
  session.screenshotUrl === `/analysis-sessions/${session.id}/screenshot`;

export const StoredScreenshot = ({
  session,
  className,
}: {
  session: Pick<TAnalysisSession, "id" | "screenshotUrl">;
  className?: string;
}) => {
  const [failed, setFailed] = useState(false);
  const { t } = useTranslation();
  const sessionId = session.id;
  if (failed || !hasStoredScreenshot(session)) return null;
  return (
    <img
      src={`/api/analysis-sessions/${sessionId}/screenshot`}
      alt={t("analysis.screenshot.yours")}
      onError={() => setFailed(true)}
      className={className ?? "max-h-[32rem] w-auto max-w-full rounded-lg ring-1 ring-slate-200"}
    />
  );
};

/** While the server reads the text from the screenshot: say so, and show what is being read. */
export const ReadingScreenshot = ({ session, uploading }: { session: TAnalysisSession; uploading: boolean }) => {
  const { t } = useTranslation();
  return (
    <Card aria-labelledby="reading-title">
      <CardHeader
        title={
          <span id="reading-title">
            {t(uploading ? "analysis.screenshot.uploadingTitle" : "analysis.screenshot.readingTitle")}
          </span>
        }
      />
      <p role="status" className="mb-4 flex items-center gap-2 text-sm text-slate-700">
        <Spinner size="sm" label="" />
        {t(uploading ? "analysis.screenshot.onItsWay" : "analysis.screenshot.beingRead")}
      </p>
      {!uploading && <StoredScreenshot session={session} />}
    </Card>
  );
};

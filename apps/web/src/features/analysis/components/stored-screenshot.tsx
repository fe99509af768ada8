import { useState } from "react";

import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Spinner } from "../../../components/ui/spinner.tsx";
import type { TAnalysisSession } from "../api/types.ts";

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
  const sessionId = session.id;
  if (failed || !hasStoredScreenshot(session)) return null;
  return (
    <img
      src={`/api/analysis-sessions/${sessionId}/screenshot`}
      alt="Your screenshot"
      onError={() => setFailed(true)}
      className={className ?? "max-h-[32rem] w-auto max-w-full rounded-lg ring-1 ring-slate-200"}
    />
  );
};

/** While the server reads the text from the screenshot: say so, and show what is being read. */
export const ReadingScreenshot = ({ session, uploading }: { session: TAnalysisSession; uploading: boolean }) => (
  <Card aria-labelledby="reading-title">
    <CardHeader
      title={<span id="reading-title">{uploading ? "Uploading your screenshot…" : "Reading your screenshot…"}</span>}
    />
    <p role="status" className="mb-4 flex items-center gap-2 text-sm text-slate-700">
      <Spinner size="sm" label="" />
      {uploading
        ? "It is on its way to the server."
        : "The text is being read from it; this takes a few seconds. You check every line before anything is analysed, and this page updates by itself."}
    </p>
    {!uploading && <StoredScreenshot session={session} />}
  </Card>
);

import { useEffect, useState } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useUploadScreenshot } from "../api/upload-screenshot.ts";
import { useTransitionSession } from "../api/update-session.ts";
import type { TAnalysisSession } from "../api/types.ts";
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";
import { formatNumber } from "../../../lib/format.ts";

export const MAX_SCREENSHOT_BYTES = 10 * 1024 * 1024;
const TYPES = ["image/png", "image/jpeg", "image/webp"];

/** Why a file cannot be used, or null when it can: checked here so nothing is uploaded in vain. */
export const screenshotProblem = (file: File) => {
  if (!TYPES.includes(file.type)) return i18n.t("analysis.screenshot.wrongType");
  if (file.size > MAX_SCREENSHOT_BYTES) return i18n.t("analysis.screenshot.tooLarge");
  return null;
};

/** Choose a screenshot and see it before anything leaves the device (previewing_screenshot in 001). */
export const ScreenshotStep = ({ session }: { session: TAnalysisSession }) => {
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const transition = useTransitionSession();
  const upload = useUploadScreenshot();
  const { t } = useTranslation();

  useEffect(() => {
    if (!file) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    const reason = screenshotProblem(chosen);
    setProblem(reason);
    if (reason) return;
    setFile(chosen);
    if (session.status === "pending_user_input") transition.mutate({ id: session.id, status: "previewing_screenshot" });
  };
  const reset = () => {
    setFile(null);
    if (session.status === "previewing_screenshot") transition.mutate({ id: session.id, status: "pending_user_input" });
  };

  return (
    <Card>
      <CardHeader title={t("analysis.screenshot.title")} description={t("analysis.screenshot.description")} />
      <FormError error={problem ? new Error(problem) : (upload.error ?? transition.error)} />
      {preview ? (
        <figure className="mt-3">
          <img
            src={preview}
            alt={t("analysis.screenshot.previewAlt")}
            className="max-h-[28rem] w-auto rounded-lg ring-1 ring-slate-200"
          />
          <figcaption className="mt-2 text-xs text-slate-500">
            {t("analysis.screenshot.size", {
              name: file?.name ?? "",
              size: formatNumber(Math.ceil((file?.size ?? 0) / 1024)),
            })}
          </figcaption>
        </figure>
      ) : (
        <label className="mt-3 flex cursor-pointer flex-col items-center rounded-xl border-2 border-dashed border-slate-300 px-6 py-10 text-center focus-within:border-brand-500 hover:border-brand-500">
          <span className="text-sm font-semibold text-slate-900">{t("analysis.screenshot.choose")}</span>
          <span className="mt-1 text-xs text-slate-500">{t("analysis.screenshot.formats")}</span>
          <input
            type="file"
            accept={TYPES.join(",")}
            className="sr-only"
            aria-label={t("analysis.screenshot.file")}
            onChange={(event) => choose(event.target.files?.[0])}
          />
        </label>
      )}
      {preview && (
        <div className="mt-4 flex flex-wrap gap-2">
          <Button loading={upload.isPending} onClick={() => file && upload.mutate({ id: session.id, file })}>
            {t("analysis.screenshot.upload")}
          </Button>
          <Button variant="secondary" onClick={reset} disabled={upload.isPending} loading={transition.isPending}>
            {t("analysis.screenshot.chooseAnother")}
          </Button>
        </div>
      )}
    </Card>
  );
};

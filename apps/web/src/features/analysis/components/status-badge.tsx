import { Badge } from "../../../components/ui/badge.tsx";
import type { TAnalysisStatus } from "../api/types.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

type TTone = "neutral" | "brand" | "success" | "warning" | "danger";

/** Each state of 001's machine, in its order, with its colour; what it means in words is `analysis.statuses`. */
export const STATUS_TONES: Record<TAnalysisStatus, TTone> = {
  pending_user_input: "neutral",
  previewing_screenshot: "brand",
  uploading: "brand",
  analysis_in_progress: "brand",
  verifying_ocr: "warning",
  complete: "success",
  error: "danger",
};

export const StatusBadge = ({ status }: { status: TAnalysisStatus }) => {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONES[status]}>{t(`analysis.statuses.${status}`)}</Badge>;
};

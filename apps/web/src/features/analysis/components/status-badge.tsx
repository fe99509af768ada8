import { Badge } from "../../../components/ui/badge.tsx";
import type { TAnalysisStatus } from "../api/types.ts";

type TTone = "neutral" | "brand" | "success" | "warning" | "danger";

/** What each state of 001's machine means to the person, in their words. */
export const STATUS_LABELS: Record<TAnalysisStatus, { label: string; tone: TTone }> = {
  pending_user_input: { label: "Waiting for you", tone: "neutral" },
  previewing_screenshot: { label: "Screenshot chosen", tone: "brand" },
  uploading: { label: "Uploading", tone: "brand" },
  analysis_in_progress: { label: "Analysing", tone: "brand" },
  verifying_ocr: { label: "Check the text", tone: "warning" },
  complete: { label: "Suggestions ready", tone: "success" },
  error: { label: "Failed", tone: "danger" },
};

export const StatusBadge = ({ status }: { status: TAnalysisStatus }) => (
  <Badge tone={STATUS_LABELS[status].tone}>{STATUS_LABELS[status].label}</Badge>
);

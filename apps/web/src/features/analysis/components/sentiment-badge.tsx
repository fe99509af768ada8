import { Badge } from "../../../components/ui/badge.tsx";
import type { TSentiment } from "../api/types.ts";

/** The word carries the meaning; the colour only repeats it. */
export const SENTIMENT_LABELS: Record<TSentiment, { label: string; tone: "success" | "danger" | "neutral" }> = {
  positive: { label: "Positive", tone: "success" },
  negative: { label: "Negative", tone: "danger" },
  neutral: { label: "Neutral", tone: "neutral" },
};

/** A message's sentiment as the AI provider labelled it; nothing while it has none. */
export const SentimentBadge = ({ sentiment }: { sentiment: TSentiment | null }) =>
  sentiment === null ? null : (
    <Badge tone={SENTIMENT_LABELS[sentiment].tone} className="text-[11px]">
      <span className="sr-only">Sentiment: </span>
      {SENTIMENT_LABELS[sentiment].label}
    </Badge>
  );

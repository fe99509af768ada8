import { Badge } from "../../../components/ui/badge.tsx";
import type { TSentiment } from "../api/types.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** The word carries the meaning; the colour only repeats it. */
const SENTIMENT_TONES: Record<TSentiment, "success" | "danger" | "neutral"> = {
  positive: "success",
  negative: "danger",
  neutral: "neutral",
};

/** A message's sentiment as the AI provider labelled it; nothing while it has none. */
export const SentimentBadge = ({ sentiment }: { sentiment: TSentiment | null }) => {
  const { t } = useTranslation();
  return sentiment === null ? null : (
    <Badge tone={SENTIMENT_TONES[sentiment]} className="text-[11px]">
      <span className="sr-only">{t("analysis.sentiment")}</span>
      {t(`analysis.sentiments.${sentiment}`)}
    </Badge>
  );
};

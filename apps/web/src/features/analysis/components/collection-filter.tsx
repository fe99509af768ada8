import { Select } from "../../../components/ui/input.tsx";
import type { TAnalysisMessage } from "../api/types.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { formatNumber } from "../../../lib/format.ts";

/** Narrows the session to one bookmark collection (the API filters); lists the collections its messages are in. */
export const CollectionFilter = ({
  messages,
  value,
  onChange,
}: {
  messages: TAnalysisMessage[];
  value: string | null;
  onChange: (collectionId: string | null) => void;
}) => {
  const { t } = useTranslation();
  const counts = new Map<string, number>();
  for (const message of messages)
    for (const collection of message.collectionIds) counts.set(collection, (counts.get(collection) ?? 0) + 1);
  // A chosen collection stays listed after its last message leaves it, so the choice can still be seen and undone.
  if (value !== null && !counts.has(value)) counts.set(value, 0);
  if (counts.size === 0) return null;
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      {t("analysis.collections.show")}
      <Select
        aria-label={t("analysis.collections.showCollection")}
        className="h-9 w-auto py-1 text-sm"
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value === "" ? null : event.target.value)}
      >
        <option value="">{t("analysis.collections.allMessages")}</option>
        {[...counts.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([collection, count]) => (
            <option key={collection} value={collection}>
              {t("analysis.collections.option", { collection, number: formatNumber(count) })}
            </option>
          ))}
      </Select>
    </label>
  );
};

import { useTranslation } from "../../../lib/i18n/index.ts";
import { useStarters } from "../api/find-conversations.ts";

/** Suggested first messages for an empty conversation; picking one puts it in the message box. */
export const Starters = ({ onPick }: { onPick: (prompt: string) => void }) => {
  const { t } = useTranslation();
  const starters = useStarters();
  if (!starters.data?.items.length) return null;
  return (
    <ul aria-label={t("chat.starters")} className="mx-auto mt-2 grid max-w-xl gap-2 sm:grid-cols-2">
      {starters.data.items.map((starter) => (
        <li key={starter.prompt}>
          <button
            type="button"
            className="h-full w-full rounded-lg border border-slate-200 bg-white px-3 py-2 text-left text-sm text-slate-700 hover:border-brand-300 hover:bg-brand-50"
            onClick={() => onPick(starter.prompt)}
          >
            {starter.prompt}
          </button>
        </li>
      ))}
    </ul>
  );
};

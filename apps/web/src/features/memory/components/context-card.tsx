import { Link } from "@tanstack/react-router";

import type { TPutUserContext } from "@cto/contracts/api/coaching";

import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { EmptyState, ErrorState, FormError } from "../../../components/ui/states.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { useContextProfile, useSaveContext } from "../api/context.ts";

type TField = keyof TPutUserContext;
const FIELDS: TField[] = [
  "personalBio",
  "workContext",
  "expertiseAreas",
  "longTermGoals",
  "currentChallenges",
  "learningObjectives",
  "aiPreferences",
  "communicationStyle",
  "decisionMakingStyle",
  "timeManagementStyle",
  "workingHours",
  "preferredMeetingTimes",
];

/** The context profile the coach reads on every reply: each filled-in field, with Forget; edited in Settings. */
export const ContextCard = () => {
  const { t } = useTranslation();
  const context = useContextProfile();
  const save = useSaveContext();
  const profile = context.data ? (context.data as unknown as Record<TField, string | string[] | null>) : null;
  const filled = profile
    ? FIELDS.filter((field) => {
        const value = profile[field];
        return Array.isArray(value) ? value.length > 0 : Boolean(value?.trim());
      })
    : [];
  const forget = (field: TField) => {
    if (!profile) return;
    const body = Object.fromEntries(FIELDS.map((key) => [key, profile[key]])) as TPutUserContext;
    save.mutate({ ...body, [field]: Array.isArray(profile[field]) ? [] : null });
  };
  return (
    <Card aria-labelledby="memory-context-title">
      <CardHeader
        title={<span id="memory-context-title">{t("memory.context.title")}</span>}
        description={
          <>
            {t("memory.context.intro")}{" "}
            <Link to="/settings" className="font-medium text-brand-700 hover:underline">
              {t("memory.context.settings")}
            </Link>
            {context.data ? t("memory.context.lastChanged", { date: formatDate(context.data.updatedAt) }) : ""}.
          </>
        }
      />
      {save.error && <FormError error={save.error} />}
      {context.isPending ? (
        <LoadingBlock label={t("memory.context.loading")} />
      ) : context.isError ? (
        <ErrorState error={context.error} onRetry={() => void context.refetch()} />
      ) : filled.length === 0 ? (
        <EmptyState title={t("memory.context.emptyTitle")} description={t("memory.context.emptyDescription")} />
      ) : (
        <dl className="divide-y divide-slate-100">
          {filled.map((field) => {
            const value = profile![field];
            const label = t(`memory.context.fields.${field}`);
            return (
              <div key={field} className="flex items-start justify-between gap-3 py-2">
                <div>
                  <dt className="text-xs font-medium text-slate-500">{label}</dt>
                  <dd className="text-sm text-slate-800">{Array.isArray(value) ? value.join("; ") : value}</dd>
                </div>
                <Button size="sm" variant="ghost" disabled={save.isPending} onClick={() => forget(field)}>
                  {t("memory.forget")}
                  <span className="sr-only"> {label}</span>
                </Button>
              </div>
            );
          })}
        </dl>
      )}
    </Card>
  );
};

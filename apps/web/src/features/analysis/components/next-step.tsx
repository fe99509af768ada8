import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Spinner } from "../../../components/ui/spinner.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { useGetSuggestions } from "../api/get-suggestions.ts";
import { useTransitionSession } from "../api/update-session.ts";
import type { TAnalysisSession, TAnalysisStatus } from "../api/types.ts";
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";

/** An action either moves the state machine (`to`) or asks the AI for suggestions (`suggest`). */
type TStep = {
  text: string;
  action?: { label: string; to?: TAnalysisStatus; suggest?: true; variant?: "primary" | "secondary" };
  busy?: boolean;
};

/** What the person can do next in each state; the moves are the ones 001's state machine allows. */
export const nextStep = (session: TAnalysisSession, messageCount: number): TStep => {
  const t = i18n.t;
  switch (session.status) {
    case "pending_user_input":
      if (session.type === "screenshot") return { text: t("analysis.next.chooseScreenshot") };
      return messageCount
        ? {
            text: t("analysis.next.whenComplete"),
            action: { label: t("analysis.next.getSuggestions"), suggest: true },
          }
        : { text: t("analysis.next.addFirst") };
    case "previewing_screenshot":
      return { text: t("analysis.next.checkPreview") };
    case "uploading":
      return { text: t("analysis.next.uploading"), busy: true };
    case "verifying_ocr":
      return { text: t("analysis.next.checkText") };
    case "analysis_in_progress":
      // For a screenshot with no messages yet, the worker is still reading it (OCR).
      if (session.type === "screenshot" && messageCount === 0) return { text: t("analysis.next.reading"), busy: true };
      return {
        text: t("analysis.next.ready"),
        action: { label: t("analysis.next.getSuggestions"), suggest: true },
      };
    case "complete":
      return {
        text: t("analysis.next.again"),
        action: { label: t("analysis.next.more"), suggest: true, variant: "secondary" },
      };
    case "error":
      if (session.type === "screenshot")
        return {
          text: t("analysis.next.retryScreenshot"),
          action: { label: t("analysis.next.startOver"), to: "pending_user_input", variant: "secondary" },
        };
      return {
        text: t("analysis.next.failed"),
        action: { label: t("analysis.next.startOver"), to: "pending_user_input" },
      };
  }
};

export const NextStep = ({ session, messageCount }: { session: TAnalysisSession; messageCount: number }) => {
  const transition = useTransitionSession();
  const suggest = useGetSuggestions();
  const toast = useToast();
  const { t } = useTranslation();
  const step = nextStep(session, messageCount);
  return (
    <Card>
      <CardHeader title={t("analysis.next.title")} as="h2" />
      <p className="flex items-center gap-2 text-sm text-slate-700" role="status">
        {step.busy && <Spinner size="sm" label="" />}
        {step.text}
      </p>
      {step.action && (
        <Button
          className="mt-4"
          variant={step.action.variant ?? "primary"}
          loading={transition.isPending || suggest.isPending}
          onClick={() => {
            const onError = (error: unknown) => toast.show(errorMessage(error), "error");
            if (step.action!.suggest)
              suggest.mutate(
                { id: session.id },
                {
                  onSuccess: ({ suggestions }) =>
                    toast.show(t("analysis.next.suggestionsReady", { count: suggestions.length })),
                  onError,
                },
              );
            else transition.mutate({ id: session.id, status: step.action!.to! }, { onError });
          }}
        >
          {step.action.label}
        </Button>
      )}
    </Card>
  );
};

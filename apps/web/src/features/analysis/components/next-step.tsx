import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Spinner } from "../../../components/ui/spinner.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { useGetSuggestions } from "../api/get-suggestions.ts";
import { useTransitionSession } from "../api/update-session.ts";
import type { TAnalysisSession, TAnalysisStatus } from "../api/types.ts";

/** An action either moves the state machine (`to`) or asks the AI for suggestions (`suggest`). */
type TStep = {
  text: string;
  action?: { label: string; to?: TAnalysisStatus; suggest?: true; variant?: "primary" | "secondary" };
  busy?: boolean;
};

/** What the person can do next in each state; the moves are the ones 001's state machine allows. */
export const nextStep = (session: TAnalysisSession, messageCount: number): TStep => {
  switch (session.status) {
    case "pending_user_input":
      if (session.type === "screenshot") return { text: "Choose a screenshot of the conversation." };
      return messageCount
        ? {
            text: "When the conversation is complete, ask for suggestions.",
            action: { label: "Get suggestions", suggest: true },
          }
        : { text: "Add the conversation first: what they wrote, and what you wrote." };
    case "previewing_screenshot":
      return { text: "Check the preview, then upload it." };
    case "uploading":
      return { text: "Uploading your screenshot…", busy: true };
    case "verifying_ocr":
      return { text: "Check the text that was read from your screenshot." };
    case "analysis_in_progress":
      // For a screenshot with no messages yet, the worker is still reading it (OCR).
      if (session.type === "screenshot" && messageCount === 0)
        return { text: "Reading the text from your screenshot… This page updates by itself.", busy: true };
      return {
        text: "The conversation is ready for suggestions.",
        action: { label: "Get suggestions", suggest: true },
      };
    case "complete":
      return {
        text: "Want other options, or added more messages? Ask again.",
        action: { label: "More suggestions", suggest: true, variant: "secondary" },
      };
    case "error":
      if (session.type === "screenshot")
        return {
          text: "Read the screenshot again, or start over with another one.",
          action: { label: "Start over", to: "pending_user_input", variant: "secondary" },
        };
      return {
        text: "Something went wrong with this analysis. Start over to try again.",
        action: { label: "Start over", to: "pending_user_input" },
      };
  }
};

export const NextStep = ({ session, messageCount }: { session: TAnalysisSession; messageCount: number }) => {
  const transition = useTransitionSession();
  const suggest = useGetSuggestions();
  const toast = useToast();
  const step = nextStep(session, messageCount);
  return (
    <Card>
      <CardHeader title="Next step" as="h2" />
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
                { onSuccess: ({ suggestions }) => toast.show(`${suggestions.length} suggestions ready.`), onError },
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

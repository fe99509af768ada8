import { Link, useNavigate, useParams } from "@tanstack/react-router";
import { useState } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader, PageHeader } from "../../../components/ui/card.tsx";
import { EmptyState, ErrorState } from "../../../components/ui/states.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { formatRelative } from "../../../lib/format.ts";
import { useCollectionMessages, useMessages } from "../api/get-messages.ts";
import { useSession } from "../api/get-session.ts";
import { useTrashSession } from "../api/trash-session.ts";
import { ocrItems, type TAnalysisSession } from "../api/types.ts";
import { useUpdateSession } from "../api/update-session.ts";
import { CollectionFilter } from "./collection-filter.tsx";
import { Conversation, MessageComposer } from "./conversation.tsx";
import { NextStep } from "./next-step.tsx";
import { OcrRetry } from "./ocr-retry.tsx";
import { OcrReview } from "./ocr-review.tsx";
import { ScreenshotStep } from "./screenshot-step.tsx";
import { ReadingScreenshot } from "./stored-screenshot.tsx";
import { StatusBadge } from "./status-badge.tsx";
import { SuggestionCard } from "./suggestion-card.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

const Actions = ({ session }: { session: TAnalysisSession }) => {
  const update = useUpdateSession();
  const trash = useTrashSession();
  const navigate = useNavigate();
  const toast = useToast();
  const fail = (error: unknown) => toast.show(errorMessage(error), "error");
  const { t } = useTranslation();
  return (
    <>
      <Button
        variant="secondary"
        aria-pressed={session.isPinned}
        loading={update.isPending}
        onClick={() => update.mutate({ id: session.id, isPinned: !session.isPinned }, { onError: fail })}
      >
        {t(session.isPinned ? "analysis.session.unpin" : "analysis.session.pin")}
      </Button>
      <Button
        variant="secondary"
        loading={trash.isPending}
        onClick={() =>
          trash.mutate(
            { id: session.id },
            {
              onSuccess: () => {
                toast.show(t("analysis.session.movedToTrash"));
                void navigate({ to: "/analysis", search: {} });
              },
              onError: fail,
            },
          )
        }
      >
        {t("analysis.session.moveToTrash")}
      </Button>
    </>
  );
};

/** One analysis session: the conversation, the OCR check for screenshots, and the AI's suggestions. */
export const SessionPage = () => {
  const { sessionId } = useParams({ strict: false }) as { sessionId: string };
  const session = useSession(sessionId);
  const messages = useMessages(sessionId);
  const [collection, setCollection] = useState<string | null>(null);
  const inCollection = useCollectionMessages(sessionId, collection);
  const { t } = useTranslation();

  if (session.isPending) return <LoadingBlock lines={6} label={t("analysis.session.loading")} />;
  if (session.isError)
    return (
      <div className="space-y-4">
        <ErrorState
          error={session.error}
          title={t("analysis.session.openFailed")}
          onRetry={() => void session.refetch()}
        />
        <Link to="/analysis" className="text-sm font-medium text-brand-700 hover:underline">
          {t("analysis.session.backToAll")}
        </Link>
      </div>
    );

  const data = session.data;
  const all = messages.data ?? [];
  const chat = all.filter((message) => message.author !== "ai");
  // A chosen collection narrows what is shown; the steps (how many lines there are) still count them all.
  const shown = collection === null ? all : (inCollection.data ?? []);
  const shownChat = shown.filter((message) => message.author !== "ai");
  const suggestions = shown.filter((message) => message.author === "ai");
  const listing = collection === null ? messages : inCollection;
  const ocr = data.status === "verifying_ocr" ? ocrItems(data) : null;
  const ocrFailed = data.type === "screenshot" && data.status === "error";
  const choosingScreenshot =
    data.type === "screenshot" && (data.status === "pending_user_input" || data.status === "previewing_screenshot");
  // The worker is still reading the image: no conversation yet, and none to add by hand.
  const reading =
    data.type === "screenshot" &&
    (data.status === "uploading" || data.status === "analysis_in_progress") &&
    chat.length === 0;

  return (
    <div data-testid="analysis-session-page">
      <Link to="/analysis" className="text-sm font-medium text-brand-700 hover:underline">
        {t("analysis.session.allSessions")}
      </Link>
      <div className="mt-2">
        <PageHeader
          title={data.name ?? t("analysis.untitled")}
          description={
            <span className="inline-flex flex-wrap items-center gap-2">
              <StatusBadge status={data.status} /> {t(`analysis.types.${data.type}`)} ·{" "}
              {t("analysis.activeLower", { when: formatRelative(data.lastActivity) })}
            </span>
          }
          actions={<Actions session={data} />}
        />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-4">
          {choosingScreenshot && <ScreenshotStep session={data} />}
          {ocrFailed && <OcrRetry session={data} />}
          {reading && <ReadingScreenshot session={data} uploading={data.status === "uploading"} />}
          {ocr && <OcrReview key={data.updatedAt} session={data} initial={ocr} />}
          {!choosingScreenshot && !reading && !ocr && !(ocrFailed && chat.length === 0) && (
            <Card>
              <CardHeader
                title={t("analysis.session.conversation")}
                actions={<CollectionFilter messages={all} value={collection} onChange={setCollection} />}
              />
              {listing.isPending ? (
                <LoadingBlock label={t("analysis.session.loadingMessages")} />
              ) : listing.isError ? (
                <ErrorState error={listing.error} onRetry={() => void listing.refetch()} />
              ) : (
                <Conversation messages={shownChat} sessionId={data.id} filtered={collection !== null} />
              )}
            </Card>
          )}
          {data.type === "text" && data.status !== "analysis_in_progress" && <MessageComposer sessionId={data.id} />}
        </div>
        <aside className="space-y-4" aria-label={t("analysis.session.suggestions")}>
          <NextStep session={data} messageCount={chat.length} />
          <h2 className="text-base font-semibold text-slate-900">{t("analysis.session.suggestions")}</h2>
          {listing.isPending ? (
            <LoadingBlock label={t("analysis.session.loadingSuggestions")} />
          ) : suggestions.length === 0 ? (
            <EmptyState
              title={t(
                collection === null ? "analysis.session.noSuggestions" : "analysis.session.noSuggestionsInCollection",
              )}
              description={t(
                collection === null
                  ? "analysis.session.noSuggestionsDescription"
                  : "analysis.session.noSuggestionsInCollectionDescription",
              )}
            />
          ) : (
            suggestions.map((message) => <SuggestionCard key={message.id} message={message} sessionId={data.id} />)
          )}
        </aside>
      </div>
    </div>
  );
};

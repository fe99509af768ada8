import { useNavigate, useParams } from "@tanstack/react-router";

import { Button } from "../../../components/ui/button.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { cn } from "../../../lib/cn.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { useCreateConversation } from "../api/create-conversation.ts";
import { useConversations } from "../api/list-conversations.ts";
import { ConversationList } from "./conversation-list.tsx";
import { ModelPicker } from "./model-picker.tsx";
import { Thread } from "./thread.tsx";

/** The coach: conversations on the left, the open one on the right (one pane at a time on phones). */
export const ChatPage = () => {
  const { t } = useTranslation();
  const { conversationId } = useParams({ strict: false }) as { conversationId?: string };
  const conversations = useConversations();
  const create = useCreateConversation();
  const navigate = useNavigate();
  const toast = useToast();
  const active = conversations.data?.pages
    .flatMap((page) => page.items)
    .find((conversation) => conversation.id === conversationId);

  const startNew = () =>
    create.mutate(null, {
      onSuccess: (conversation) =>
        void navigate({ to: "/chat/$conversationId", params: { conversationId: conversation.id } }),
      onError: (error) => toast.show(errorMessage(error), "error"),
    });

  return (
    <div className="-mx-4 -my-6 flex h-[calc(100dvh-57px)] sm:-mx-6 md:h-dvh lg:-mx-10 lg:-my-8">
      <aside
        className={cn(
          "w-full shrink-0 flex-col border-r border-slate-200 bg-white md:flex md:w-80",
          conversationId ? "hidden" : "flex",
        )}
      >
        <div className="flex items-center justify-between border-b border-slate-200 px-4 py-4">
          <h1 className="text-lg font-semibold text-slate-900">{t("chat.title")}</h1>
          <Button size="sm" onClick={startNew} loading={create.isPending}>
            {t("chat.newConversation")}
          </Button>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto p-2">
          <ConversationList activeId={conversationId} />
        </div>
      </aside>
      <div className={cn("min-w-0 flex-1 flex-col bg-slate-50", conversationId ? "flex" : "hidden md:flex")}>
        {conversationId ? (
          <>
            <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-3">
              <Button variant="ghost" size="sm" className="md:hidden" onClick={() => void navigate({ to: "/chat" })}>
                {t("chat.back")}
              </Button>
              <div className="min-w-0 flex-1">
                <h2 className="truncate text-base font-semibold text-slate-900">
                  {active?.title ?? t("chat.conversation")}
                </h2>
                {active?.summary && <p className="truncate text-xs text-slate-500">{active.summary}</p>}
              </div>
              <ModelPicker conversationId={conversationId} />
            </header>
            <div className="min-h-0 flex-1">
              <Thread
                key={conversationId}
                conversationId={conversationId}
                title={active?.title ?? t("chat.conversation")}
              />
            </div>
          </>
        ) : (
          <div className="grid flex-1 place-items-center p-8 text-center">
            <div className="max-w-sm">
              <h2 className="text-lg font-semibold text-slate-900">{t("chat.emptyTitle")}</h2>
              <p className="mt-2 text-sm text-slate-600">{t("chat.emptyDescription")}</p>
              <Button className="mt-5" onClick={startNew} loading={create.isPending}>
                {t("chat.start")}
              </Button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
};

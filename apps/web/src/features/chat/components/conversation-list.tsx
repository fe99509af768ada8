import { Link } from "@tanstack/react-router";

import { LoadMore } from "../../../components/ui/load-more.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { cn } from "../../../lib/cn.ts";
import { formatRelative } from "../../../lib/format.ts";
import { useConversations } from "../api/list-conversations.ts";

/** The conversations, newest activity first, each with the coach's running summary. */
export const ConversationList = ({ activeId }: { activeId?: string | undefined }) => {
  const conversations = useConversations();
  return (
    <nav aria-label="Conversations">
      <QueryState
        query={conversations}
        loadingLines={6}
        isEmpty={(data) => !data.pages[0]?.items.length}
        empty={
          <EmptyState title="No conversations yet" description="Start one: tell the coach what is on your mind." />
        }
      >
        {(data) => (
          <>
            <ul className="space-y-1">
              {data.pages
                .flatMap((page) => page.items)
                .map((conversation) => {
                  const active = conversation.id === activeId;
                  return (
                    <li key={conversation.id}>
                      <Link
                        to="/chat/$conversationId"
                        params={{ conversationId: conversation.id }}
                        aria-current={active ? "page" : undefined}
                        className={cn(
                          "block rounded-lg px-3 py-2.5",
                          active ? "bg-brand-50 ring-1 ring-brand-200" : "hover:bg-slate-100",
                        )}
                      >
                        <span className="flex items-baseline justify-between gap-2">
                          <span className="truncate text-sm font-medium text-slate-900">
                            {conversation.title ?? "Untitled conversation"}
                          </span>
                          <span className="shrink-0 text-xs text-slate-500">
                            {formatRelative(conversation.updatedAt)}
                          </span>
                        </span>
                        {conversation.summary && (
                          <span className="mt-0.5 line-clamp-2 block text-xs text-slate-600">
                            {conversation.summary}
                          </span>
                        )}
                      </Link>
                    </li>
                  );
                })}
            </ul>
            <LoadMore query={conversations} label="Load more conversations" />
          </>
        )}
      </QueryState>
    </nav>
  );
};

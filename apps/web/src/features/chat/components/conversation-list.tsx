import { Link } from "@tanstack/react-router";
import { useState } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { LoadMore } from "../../../components/ui/load-more.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { useConversationSearch } from "../api/find-conversations.ts";
import { useConversations, type TConversation, type TConversationShelf } from "../api/list-conversations.ts";
import { useRestoreConversation } from "../api/manage-conversation.ts";
import { ConversationItem } from "./conversation-item.tsx";

const SHELVES: TConversationShelf[] = ["main", "archive", "trash"];

const SearchResults = ({ query }: { query: string }) => {
  const { t } = useTranslation();
  const search = useConversationSearch(query);
  return (
    <QueryState
      query={search}
      loadingLines={3}
      isEmpty={(data) => data.items.length === 0}
      empty={<EmptyState title={t("chat.list.nothingFound")} description={t("chat.list.nothingFoundDescription")} />}
    >
      {(data) => (
        <ul className="space-y-1" aria-label={t("chat.list.searchResults")}>
          {data.items.map(({ conversation, match }) => (
            <li key={conversation.id}>
              <Link
                to="/chat/$conversationId"
                params={{ conversationId: conversation.id }}
                className="block rounded-lg px-3 py-2.5 hover:bg-slate-100"
              >
                <span className="block truncate text-sm font-medium text-slate-900">
                  {conversation.title ?? t("chat.untitled")}
                </span>
                {match && <span className="mt-0.5 line-clamp-2 block text-xs text-slate-600">{match.excerpt}</span>}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </QueryState>
  );
};

/** The conversations (pinned first, then newest activity), the archive and the trash, and a search over them. */
export const ConversationList = ({ activeId }: { activeId?: string | undefined }) => {
  const { t } = useTranslation();
  const [shelf, setShelf] = useState<TConversationShelf>("main");
  const [query, setQuery] = useState("");
  const [trashed, setTrashed] = useState<TConversation | null>(null);
  const conversations = useConversations(shelf);
  const restore = useRestoreConversation();
  return (
    <nav aria-label={t("chat.list.label")} className="space-y-2">
      <Input
        type="search"
        aria-label={t("chat.list.search")}
        placeholder={t("chat.list.searchPlaceholder")}
        value={query}
        maxLength={200}
        onChange={(event) => setQuery(event.target.value)}
      />
      {trashed && (
        <div
          role="status"
          className="flex items-center justify-between gap-2 rounded-lg bg-slate-100 px-3 py-2 text-sm"
        >
          <span className="truncate">{t("chat.list.trashed", { title: trashed.title ?? t("chat.untitled") })}</span>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => restore.mutate(trashed.id, { onSuccess: () => setTrashed(null) })}
          >
            {t("chat.list.undo")}
          </Button>
        </div>
      )}
      {query.trim() ? (
        <SearchResults query={query.trim()} />
      ) : (
        <>
          <Segmented
            label={t("chat.list.show")}
            options={SHELVES.map((value) => ({ value, label: t(`chat.list.shelves.${value}`) }))}
            value={shelf}
            onChange={setShelf}
          />
          <QueryState
            query={conversations}
            loadingLines={6}
            isEmpty={(data) => !data.pages[0]?.items.length}
            empty={
              <EmptyState
                title={t(`chat.list.empty.${shelf}.title`)}
                description={t(`chat.list.empty.${shelf}.description`)}
              />
            }
          >
            {(data) => (
              <>
                <ul className="space-y-1">
                  {data.pages
                    .flatMap((page) => page.items)
                    .map((conversation) => (
                      <ConversationItem
                        key={conversation.id}
                        conversation={conversation}
                        active={conversation.id === activeId}
                        shelf={shelf}
                        onTrashed={setTrashed}
                      />
                    ))}
                </ul>
                <LoadMore query={conversations} label={t("chat.list.loadMore")} />
              </>
            )}
          </QueryState>
        </>
      )}
    </nav>
  );
};

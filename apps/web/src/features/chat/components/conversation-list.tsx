import { Link } from "@tanstack/react-router";
import { useState } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { LoadMore } from "../../../components/ui/load-more.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { useConversationSearch } from "../api/find-conversations.ts";
import { useConversations, type TConversation, type TConversationShelf } from "../api/list-conversations.ts";
import { useRestoreConversation } from "../api/manage-conversation.ts";
import { ConversationItem } from "./conversation-item.tsx";

const SHELVES = [
  { value: "main" as const, label: "Conversations" },
  { value: "archive" as const, label: "Archive" },
  { value: "trash" as const, label: "Trash" },
];

const EMPTY: Record<TConversationShelf, { title: string; description: string }> = {
  main: { title: "No conversations yet", description: "Start one: tell the coach what is on your mind." },
  archive: { title: "Nothing archived", description: "Archive a conversation to keep it out of the way." },
  trash: { title: "The trash is empty", description: "Deleted conversations wait here until you restore them." },
};

const SearchResults = ({ query }: { query: string }) => {
  const search = useConversationSearch(query);
  return (
    <QueryState
      query={search}
      loadingLines={3}
      isEmpty={(data) => data.items.length === 0}
      empty={<EmptyState title="Nothing found" description="No title or message of yours contains that." />}
    >
      {(data) => (
        <ul className="space-y-1" aria-label="Search results">
          {data.items.map(({ conversation, match }) => (
            <li key={conversation.id}>
              <Link
                to="/chat/$conversationId"
                params={{ conversationId: conversation.id }}
                className="block rounded-lg px-3 py-2.5 hover:bg-slate-100"
              >
                <span className="block truncate text-sm font-medium text-slate-900">
                  {conversation.title ?? "Untitled conversation"}
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
  const [shelf, setShelf] = useState<TConversationShelf>("main");
  const [query, setQuery] = useState("");
  const [trashed, setTrashed] = useState<TConversation | null>(null);
  const conversations = useConversations(shelf);
  const restore = useRestoreConversation();
  return (
    <nav aria-label="Conversations" className="space-y-2">
      <Input
        type="search"
        aria-label="Search conversations"
        placeholder="Search titles and messages"
        value={query}
        maxLength={200}
        onChange={(event) => setQuery(event.target.value)}
      />
      {trashed && (
        <div
          role="status"
          className="flex items-center justify-between gap-2 rounded-lg bg-slate-100 px-3 py-2 text-sm"
        >
          <span className="truncate">“{trashed.title ?? "Untitled conversation"}” moved to the trash.</span>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => restore.mutate(trashed.id, { onSuccess: () => setTrashed(null) })}
          >
            Undo
          </Button>
        </div>
      )}
      {query.trim() ? (
        <SearchResults query={query.trim()} />
      ) : (
        <>
          <Segmented label="Show" options={SHELVES} value={shelf} onChange={setShelf} />
          <QueryState
            query={conversations}
            loadingLines={6}
            isEmpty={(data) => !data.pages[0]?.items.length}
            empty={<EmptyState {...EMPTY[shelf]} />}
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
                <LoadMore query={conversations} label="Load more conversations" />
              </>
            )}
          </QueryState>
        </>
      )}
    </nav>
  );
};

import { Link } from "@tanstack/react-router";

import { Badge } from "../../../components/ui/badge.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { formatDate, humanize } from "../../../lib/format.ts";
import type { TSearchResult } from "../api/search.ts";

type TMemoryMatch = TSearchResult["memory"][number];
type TTarget = {
  to: string;
  params?: Record<string, string>;
  search?: Record<string, string>;
  hash?: string;
  label: string;
};

/** Where a found item lives in the app: its own page, or the page that shows it (a message in its conversation). */
export const resultTarget = ({
  ownerKind,
  ownerId,
  parentId,
}: Pick<TMemoryMatch, "ownerKind" | "ownerId"> & { parentId?: string | null }): TTarget | null => {
  switch (ownerKind) {
    case "message":
      return parentId
        ? { to: "/chat/$conversationId", params: { conversationId: parentId }, label: "Open the conversation" }
        : null;
    case "conversation":
      return { to: "/chat/$conversationId", params: { conversationId: ownerId }, label: "Open the conversation" };
    case "person":
    case "place":
    case "event":
    case "task":
    case "deadline":
      return { to: "/assistant/$kind/$id", params: { kind: ownerKind, id: ownerId }, label: `Open the ${ownerKind}` };
    case "goal":
      return { to: "/goals", search: { goal: ownerId }, label: "Open the goal" };
    case "commitment":
      return { to: "/goals", search: { tab: "commitments", commitment: ownerId }, label: "Open the commitment" };
    case "report":
      return { to: "/reports", search: { report: ownerId }, label: "Open the report" };
    case "insight":
      return { to: "/reports", label: "Open your insights" };
    case "analysis_message":
      return parentId
        ? { to: "/analysis/$sessionId", params: { sessionId: parentId }, label: "Open the analysis" }
        : null;
    case "post":
      return { to: "/community", search: { tab: "posts", post: ownerId }, label: "Open the post" };
    case "reply":
    case "story":
      return {
        to: "/community",
        ...(ownerKind === "story" ? { search: { tab: "stories" } } : {}),
        label: ownerKind === "story" ? "Open your stories" : "Open the community",
      };
    case "user_context":
      return { to: "/settings", hash: "coach", label: "Open what your coach knows" };
    case "emotion":
    case "energy_metric":
      return { to: "/check-ins", label: "Open your check-ins" };
    default:
      return null;
  }
};

const match = (score: number) => `${Math.round(Math.max(0, Math.min(1, score)) * 100)}% match`;
const excerpt = (text: string, max = 400) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

export const MemoryResults = ({ items }: { items: TSearchResult["memory"] }) => (
  <Card aria-labelledby="memory-results">
    <CardHeader
      title={<span id="memory-results">From your memory</span>}
      description="What you wrote, said and tracked in Cto."
    />
    {items.length === 0 ? (
      <EmptyState title="Nothing in your memory matches" description="Try other words, or widen the dates and kinds." />
    ) : (
      <ol className="divide-y divide-slate-100">
        {items.map((item) => (
          <li key={item.id} className="py-3 first:pt-0 last:pb-0">
            <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
              <Badge tone="brand">{humanize(item.ownerKind)}</Badge>
              <span>{formatDate(item.createdAt)}</span>
              <span aria-hidden="true">·</span>
              <span>{match(item.score)}</span>
            </div>
            <p className="whitespace-pre-wrap text-sm text-slate-800">{excerpt(item.content)}</p>
            <ResultLink item={item} />
          </li>
        ))}
      </ol>
    )}
  </Card>
);

const ResultLink = ({ item }: { item: TMemoryMatch }) => {
  const target = resultTarget(item);
  if (!target) return null;
  // Typed routes know each path's params and search; this one link serves every kind, hence the casts.
  return (
    <Link
      to={target.to as "/"}
      params={target.params as never}
      search={target.search as never}
      hash={target.hash}
      className="mt-1 inline-block text-sm font-medium text-brand-700 hover:underline"
    >
      {target.label}
      <span className="sr-only">: {excerpt(item.content, 60)}</span>
    </Link>
  );
};

export const KnowledgeResults = ({ items }: { items: TSearchResult["knowledge"] }) => (
  <Card aria-labelledby="knowledge-results">
    <CardHeader
      title={<span id="knowledge-results">From the knowledge base</span>}
      description="Coaching techniques and guidance shared by everyone."
    />
    {items.length === 0 ? (
      <EmptyState title="Nothing in the knowledge base matches" description="Try other words, or fewer filters." />
    ) : (
      <ol className="divide-y divide-slate-100">
        {items.map((item) => (
          <li key={item.id} className="py-3 first:pt-0 last:pb-0">
            <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
              {item.type && <Badge tone="brand">{humanize(item.type)}</Badge>}
              {item.phase !== null && <Badge>Phase {item.phase}</Badge>}
              {item.goal && <Badge>{humanize(item.goal)}</Badge>}
              <span>{match(item.score)}</span>
            </div>
            <p className="whitespace-pre-wrap text-sm text-slate-800">{excerpt(item.textContent)}</p>
          </li>
        ))}
      </ol>
    )}
  </Card>
);

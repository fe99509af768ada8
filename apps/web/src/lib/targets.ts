import type { TChatSource } from "@cto/contracts/api/chat";

/** A place in the app, as a router link takes it. */
export type TTarget = {
  to: string;
  params?: Record<string, string>;
  search?: Record<string, string>;
  hash?: string;
  label: string;
};

/** Where a remembered item (search's memory match, a reply's memory source) lives in the app: its own page, or the page that shows it (a message in its conversation). */
export const memoryTarget = ({
  ownerKind,
  ownerId,
  parentId,
}: {
  ownerKind: string;
  ownerId: string;
  parentId?: string | null;
}): TTarget | null => {
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
      return { to: "/memory", label: "Open your insights" };
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
    case "document_chunk":
      return parentId ? { to: "/documents", search: { document: parentId }, label: "Open the document" } : null;
    default:
      return null;
  }
};

/**
 * What a reply's source opens: the remembered item where it lives, or a knowledge chunk found again in
 * the knowledge base (it has no page of its own).
 */
export const sourceTarget = (source: TChatSource): TTarget | null =>
  source.kind === "knowledge"
    ? {
        to: "/search",
        search: { q: source.content.slice(0, 200), scope: "knowledge" },
        label: "Open in the knowledge base",
      }
    : memoryTarget({ ownerKind: source.ownerKind ?? "", ownerId: source.id, parentId: source.parentId });

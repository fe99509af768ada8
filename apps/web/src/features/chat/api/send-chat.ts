import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";

import { apiFetch } from "../../../lib/api-client.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { parseSse } from "../../../lib/sse.ts";

export type TChatSource = { kind: "memory" | "knowledge"; id: string; ownerKind?: string; content: string; score: number };
export type TChatAction = { tool: string; toolCallId: string; ok: boolean; entityType?: string; entityId?: string; error?: string };
export type TChatDone = { message: { id: string; content: string; createdAt: number }; sources: TChatSource[]; actions: TChatAction[]; model: string };

export type TChatEvent = { type: "delta"; text: string } | { type: "done"; done: TChatDone } | { type: "error"; message: string };

/**
 * POST /conversations/{id}/chat and its event stream: `delta` { text }, then `done` or `error`.
 * Errors before the stream (404, 429, validation) throw an ApiError like any other call.
 */
export async function* sendChat(conversationId: string, content: string, signal?: AbortSignal): AsyncGenerator<TChatEvent> {
  const response = await apiFetch(`/conversations/${encodeURIComponent(conversationId)}/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ content }),
    ...(signal ? { signal } : {}),
  });
  if (!response.body) throw new ApiError("The coach's reply could not be read.", 0, "internal_error");
  for await (const { event, data } of parseSse(response.body, signal)) {
    const payload = JSON.parse(data) as Record<string, unknown>;
    if (event === "delta") yield { type: "delta", text: String(payload.text ?? "") };
    else if (event === "done") yield { type: "done", done: payload as unknown as TChatDone };
    else if (event === "error") yield { type: "error", message: String(payload.message ?? "The coach could not reply.") };
  }
}

export type TChatTurn = { status: "idle" | "streaming" | "done" | "error"; userText: string; reply: string; done?: TChatDone; error?: unknown };

const IDLE: TChatTurn = { status: "idle", userText: "", reply: "" };

/** One chat turn at a time for a conversation: the user's text, the reply as it streams, then its sources and actions. */
export const useChatTurn = (conversationId: string) => {
  const queryClient = useQueryClient();
  const [turn, setTurn] = useState<TChatTurn>(IDLE);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), [conversationId]);

  const send = useCallback(
    async (content: string) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setTurn({ status: "streaming", userText: content, reply: "" });
      try {
        for await (const event of sendChat(conversationId, content, abort.signal)) {
          if (event.type === "delta") setTurn((current) => ({ ...current, reply: current.reply + event.text }));
          else if (event.type === "done") setTurn((current) => ({ ...current, status: "done", reply: event.done.message.content, done: event.done }));
          else setTurn((current) => ({ ...current, status: "error", error: new ApiError(event.message, 0, "chat_error") }));
        }
        setTurn((current) => (current.status === "streaming" ? { ...current, status: "error", error: new ApiError("The reply stopped before it was finished. Your message is saved; try again.", 0, "stream_ended") } : current));
      } catch (error) {
        if (abort.signal.aborted) return;
        setTurn((current) => ({ ...current, status: "error", error }));
      } finally {
        // The stored thread now holds both messages (and the coach may have created goals or check-ins).
        if (!abort.signal.aborted) {
          await queryClient.invalidateQueries({ queryKey: ["conversations"] });
          for (const key of ["goals", "commitments", "emotions", "energy-metrics", "tasks", "deadlines"]) void queryClient.invalidateQueries({ queryKey: [key] });
          setTurn((current) => (current.status === "done" ? IDLE : current));
        }
      }
    },
    [conversationId, queryClient],
  );

  return { turn, send, reset: () => setTurn(IDLE) };
};

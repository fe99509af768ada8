import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";

import type { TApiStreamEvent } from "@cto/contracts/api/endpoints";

import { apiFetch } from "../../../lib/api-client.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { translateApiMessage } from "../../../lib/i18n/api-messages.ts";
import { i18n } from "../../../lib/i18n/index.ts";
import { parseSse } from "../../../lib/sse.ts";

/** The `done` event's data: the stored reply, its sources and actions, the usage and the model. */
export type TChatDone = Extract<TApiStreamEvent<"/conversations/{id}/chat">, { event: "done" }>["data"];

export type TChatEvent =
  | { type: "user_message"; messageId: string }
  | { type: "delta"; text: string }
  | { type: "done"; done: TChatDone }
  | { type: "error"; error: ApiError; messageId?: string; retryable: boolean };

/**
 * A chat route's event stream: `user_message` (the message as stored), `delta` { text }, then
 * `done` or `error` { code, message, messageId, retryable }. Errors before the stream (404, 429,
 * validation, the API unreachable) throw an ApiError like any other call: nothing was stored then.
 */
async function* streamChat(path: string, body: unknown, signal?: AbortSignal): AsyncGenerator<TChatEvent> {
  const response = await apiFetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
  if (!response.body) throw new ApiError(i18n.t("chat.streamErrors.unreadable"), 0, "internal_error");
  for await (const { event, data } of parseSse(response.body, signal)) {
    const payload = JSON.parse(data) as Record<string, unknown>;
    if (event === "user_message")
      yield { type: "user_message", messageId: String((payload.message as { id?: unknown } | undefined)?.id ?? "") };
    else if (event === "delta") yield { type: "delta", text: String(payload.text ?? "") };
    else if (event === "done") yield { type: "done", done: payload as unknown as TChatDone };
    else if (event === "error") {
      const error = new ApiError(
        typeof payload.message === "string" ? translateApiMessage(payload.message) : i18n.t("chat.thread.failed"),
        0,
        String(payload.code ?? "chat_error"),
      );
      yield {
        type: "error",
        error,
        ...(typeof payload.messageId === "string" ? { messageId: payload.messageId } : {}),
        retryable: payload.retryable !== false,
      };
    }
  }
}

/** POST /conversations/{id}/chat: stores the message and streams the reply. */
export const sendChat = (conversationId: string, content: string, signal?: AbortSignal) =>
  streamChat(`/conversations/${encodeURIComponent(conversationId)}/chat`, { content }, signal);

/** POST /conversations/{id}/chat/retry: the reply to a stored message failed; run it again (the message is not sent twice). */
export const retryChat = (conversationId: string, messageId: string, signal?: AbortSignal) =>
  streamChat(`/conversations/${encodeURIComponent(conversationId)}/chat/retry`, { messageId }, signal);

/** POST /conversations/{id}/chat/regenerate: the reply to the latest message, written again; the earlier one is kept. */
export const regenerateChat = (conversationId: string, messageId: string, signal?: AbortSignal) =>
  streamChat(`/conversations/${encodeURIComponent(conversationId)}/chat/regenerate`, { messageId }, signal);

/** POST /conversations/{id}/chat/choose: which of the coach's replies to a message the thread shows (and the coach reads). */
export const chooseReply = async (conversationId: string, messageId: string, replyId: string) => {
  const response = await apiFetch(`/conversations/${encodeURIComponent(conversationId)}/chat/choose`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ messageId, replyId }),
  });
  if (!response.ok) throw new ApiError(i18n.t("chat.streamErrors.chooseFailed"), response.status, "choose_failed");
};

/** POST /conversations/{id}/chat/edit: ask again with one of the user's messages edited; what followed it stays as a branch. */
export const editChat = (conversationId: string, messageId: string, content: string, signal?: AbortSignal) =>
  streamChat(`/conversations/${encodeURIComponent(conversationId)}/chat/edit`, { messageId, content }, signal);

/** POST /conversations/{id}/chat/branch: which version of an edited message (and the branch after it) the thread shows. */
export const chooseBranch = async (conversationId: string, messageId: string) => {
  const response = await apiFetch(`/conversations/${encodeURIComponent(conversationId)}/chat/branch`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ messageId }),
  });
  if (!response.ok) throw new ApiError(i18n.t("chat.streamErrors.branchFailed"), response.status, "branch_failed");
};

/**
 * POST /conversations/{id}/chat/stop: the reply to this message stops wherever it is written, and
 * its stream ends with `done` carrying what streamed (marked stopped).
 */
export const stopChat = async (conversationId: string, messageId: string) => {
  const response = await apiFetch(`/conversations/${encodeURIComponent(conversationId)}/chat/stop`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ messageId }),
  });
  if (!response.ok) throw new ApiError(i18n.t("chat.streamErrors.stopFailed"), response.status, "stop_failed");
};

/**
 * One turn: `userText` as typed; `messageId` once the API stored it (then the thread shows the
 * stored message and a failure offers Retry; without it nothing was stored and the text goes back
 * to the composer).
 */
export type TChatTurn = {
  status: "idle" | "streaming" | "done" | "error";
  userText: string;
  messageId?: string;
  reply: string;
  done?: TChatDone;
  error?: unknown;
  retryable?: boolean;
  /** The turn writes the reply to `messageId` again (Regenerate): the thread hides that message's stored replies meanwhile. */
  regenerating?: boolean;
  /** The turn asks again with this stored message edited: the thread ends before it until the new branch is stored. */
  editing?: string;
};

const IDLE: TChatTurn = { status: "idle", userText: "", reply: "" };

/** One chat turn at a time for a conversation: the user's text, the reply as it streams, then its sources and actions. */
export const useChatTurn = (conversationId: string) => {
  const queryClient = useQueryClient();
  const [turn, setTurn] = useState<TChatTurn>(IDLE);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), [conversationId]);

  const run = useCallback(
    async (start: TChatTurn, events: (signal: AbortSignal) => AsyncGenerator<TChatEvent>) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setTurn(start);
      try {
        for await (const event of events(abort.signal)) {
          if (event.type === "user_message") setTurn((current) => ({ ...current, messageId: event.messageId }));
          else if (event.type === "delta") setTurn((current) => ({ ...current, reply: current.reply + event.text }));
          else if (event.type === "done")
            setTurn((current) => ({ ...current, status: "done", reply: event.done.message.content, done: event.done }));
          else
            setTurn((current) => ({
              ...current,
              status: "error",
              error: event.error,
              retryable: event.retryable,
              messageId: event.messageId ?? current.messageId,
            }));
        }
        setTurn((current) =>
          current.status === "streaming"
            ? {
                ...current,
                status: "error",
                retryable: true,
                error: new ApiError(i18n.t("chat.streamErrors.ended"), 0, "stream_ended"),
              }
            : current,
        );
      } catch (error) {
        if (abort.signal.aborted) return;
        // Refused before the stream (a retry already answered: 409) stays refused; a network failure or 429 is worth another try.
        const refused = error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429;
        setTurn((current) => ({
          ...current,
          status: "error",
          error,
          retryable: current.messageId !== undefined && !refused,
        }));
      } finally {
        // The stored thread now holds the message, and the reply if there was one (and the coach may have created goals or check-ins).
        if (!abort.signal.aborted) {
          await queryClient.invalidateQueries({ queryKey: ["conversations"] });
          for (const key of ["goals", "commitments", "emotions", "energy-metrics", "tasks", "deadlines"])
            void queryClient.invalidateQueries({ queryKey: [key] });
          setTurn((current) => (current.status === "done" ? IDLE : current));
        }
      }
    },
    [queryClient],
  );

  const send = useCallback(
    (content: string) =>
      run({ status: "streaming", userText: content, reply: "" }, (signal) => sendChat(conversationId, content, signal)),
    [conversationId, run],
  );

  /** Runs the reply again for a stored message whose reply failed: this turn's, or one found failed in the thread. */
  const retry = useCallback(
    (messageId: string, userText = "") =>
      run({ status: "streaming", userText, messageId, reply: "" }, (signal) =>
        retryChat(conversationId, messageId, signal),
      ),
    [conversationId, run],
  );

  /** Writes the reply to the latest message again; the earlier reply stays, as an alternative. */
  const regenerate = useCallback(
    (messageId: string) =>
      run({ status: "streaming", userText: "", messageId, reply: "", regenerating: true }, (signal) =>
        regenerateChat(conversationId, messageId, signal),
      ),
    [conversationId, run],
  );

  /** Asks again with one of the user's messages edited; the branch after the old text is kept. */
  const edit = useCallback(
    (messageId: string, content: string) =>
      run({ status: "streaming", userText: content, reply: "", editing: messageId }, (signal) =>
        editChat(conversationId, messageId, content, signal),
      ),
    [conversationId, run],
  );

  /**
   * Stops the reply being written. Once the API stored the message, the stop goes through the API and
   * the stream ends with the reply as streamed; before that (or if the stop cannot be asked), closing the
   * stream stops it, and the stored thread shows what was kept.
   */
  const stop = useCallback(async () => {
    const messageId = turn.messageId;
    if (turn.status !== "streaming") return;
    if (messageId) {
      try {
        await stopChat(conversationId, messageId);
        return;
      } catch {
        // Fall through: closing the stream stops the reply too.
      }
    }
    controller.current?.abort();
    setTurn(IDLE);
    await queryClient.invalidateQueries({ queryKey: ["conversations"] });
  }, [conversationId, queryClient, turn.messageId, turn.status]);

  return { turn, send, retry, regenerate, edit, stop, reset: () => setTurn(IDLE) };
};

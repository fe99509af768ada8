import type { TChatMessageMetadata } from "@cto/contracts/api/chat-metadata";

import type { TMessage } from "../api/list-messages.ts";

/** One row of the thread: a message, and for a coach's reply, the alternatives it is one of. */
export type TThreadRow = { message: TMessage; alternatives: TMessage[]; askedId?: string };

const replyStateOf = (message: TMessage) =>
  (message.metadata as TChatMessageMetadata | null | undefined)?.reply ?? undefined;

/**
 * The thread as the person reads it: the coach's replies after one of their messages (until the next)
 * are alternatives of each other (Regenerate keeps the earlier ones); the one the message's
 * `metadata.reply` names shows, the others are a click away. `hiddenRepliesOf`: a message whose reply
 * is being written again right now, whose stored replies are hidden meanwhile.
 */
export const threadRows = (messages: TMessage[], hiddenRepliesOf?: string): TThreadRow[] => {
  const rows: TThreadRow[] = [];
  let asked: TMessage | undefined;
  let replies: TMessage[] = [];
  const flush = () => {
    if (replies.length === 0) return;
    if (!asked || !replyStateOf(asked)) rows.push(...replies.map((message) => ({ message, alternatives: [message] })));
    else if (asked.id !== hiddenRepliesOf) {
      const state = replyStateOf(asked);
      const chosen =
        (state?.status === "answered" && replies.find((reply) => reply.id === state.messageId)) || replies.at(-1)!;
      rows.push({ message: chosen, alternatives: replies, askedId: asked.id });
    }
    replies = [];
  };
  for (const message of messages) {
    if (message.role === "user") {
      flush();
      asked = message;
      rows.push({ message, alternatives: [message] });
    } else replies.push(message);
  }
  flush();
  return rows;
};

/** ‹ 2 / 3 ›: flips between the coach's replies to one message. */
export const ReplySwitcher = ({
  row,
  onChoose,
  disabled,
}: {
  row: TThreadRow;
  onChoose: (askedId: string, replyId: string) => void;
  disabled?: boolean;
}) => {
  const { alternatives, askedId, message } = row;
  if (!askedId || alternatives.length < 2) return null;
  const index = alternatives.findIndex((reply) => reply.id === message.id);
  const go = (to: number) => onChoose(askedId, alternatives[to]!.id);
  const button = "rounded px-1.5 text-xs text-slate-600 hover:bg-slate-100 disabled:opacity-40";
  return (
    <span className="inline-flex items-center gap-0.5 text-[11px] text-slate-500">
      <button
        type="button"
        className={button}
        aria-label="Previous reply"
        disabled={disabled || index <= 0}
        onClick={() => go(index - 1)}
      >
        ‹
      </button>
      <output aria-label={`Reply ${index + 1} of ${alternatives.length}`}>
        {index + 1} / {alternatives.length}
      </output>
      <button
        type="button"
        className={button}
        aria-label="Next reply"
        disabled={disabled || index >= alternatives.length - 1}
        onClick={() => go(index + 1)}
      >
        ›
      </button>
    </span>
  );
};

import { chatBranches } from "@cto/contracts/api/chat-branches";
import type { TChatMessageMetadata } from "@cto/contracts/api/chat-metadata";

import { useTranslation } from "../../../lib/i18n/index.ts";
import type { TMessage } from "../api/list-messages.ts";

/** One row of the thread: a message, and the alternatives it is one of (a reply's, or an edited message's versions). */
export type TThreadRow = { message: TMessage; alternatives: TMessage[]; askedId?: string };

const replyStateOf = (message: TMessage) =>
  (message.metadata as TChatMessageMetadata | null | undefined)?.reply ?? undefined;

/**
 * The thread as the person reads it: the coach's replies after one of their messages (until the next)
 * are alternatives of each other (Regenerate keeps the earlier ones); the one the message's
 * `metadata.reply` names shows, the others are a click away. `hiddenRepliesOf`: a message whose reply
 * is being written again right now, whose stored replies are hidden meanwhile. Only the current branch
 * shows (see chat-branches.ts): a message the person edited shows its chosen version, the others a click away.
 */
export const threadRows = (messages: TMessage[], hiddenRepliesOf?: string): TThreadRow[] => {
  const branches = chatBranches(messages);
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
  for (const message of branches.current) {
    if (message.role === "user") {
      flush();
      asked = message;
      rows.push({ message, alternatives: branches.versionsOf(message.id) });
    } else replies.push(message);
  }
  flush();
  return rows;
};

/** ‹ 2 / 3 ›: flips between alternatives, `noun` naming them (a reply, a version). */
const Flipper = ({
  index,
  count,
  noun,
  onGo,
  disabled,
}: {
  index: number;
  count: number;
  noun: "reply" | "version";
  onGo: (to: number) => void;
  disabled?: boolean;
}) => {
  const { t } = useTranslation();
  const button = "rounded px-1.5 text-xs hover:bg-black/10 disabled:opacity-40";
  return (
    <span className="inline-flex items-center gap-0.5 text-[11px]">
      <button
        type="button"
        className={button}
        aria-label={t(`chat.flipper.${noun}.previous`)}
        disabled={disabled || index <= 0}
        onClick={() => onGo(index - 1)}
      >
        ‹
      </button>
      <output aria-label={t(`chat.flipper.${noun}.position`, { index: index + 1, count })}>
        {index + 1} / {count}
      </output>
      <button
        type="button"
        className={button}
        aria-label={t(`chat.flipper.${noun}.next`)}
        disabled={disabled || index >= count - 1}
        onClick={() => onGo(index + 1)}
      >
        ›
      </button>
    </span>
  );
};

/** Flips between the coach's replies to one message. */
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
  return (
    <span className="text-slate-600">
      <Flipper
        index={alternatives.findIndex((reply) => reply.id === message.id)}
        count={alternatives.length}
        noun="reply"
        onGo={(to) => onChoose(askedId, alternatives[to]!.id)}
        disabled={disabled}
      />
    </span>
  );
};

/** Flips between the versions of a message the person edited, each with the branch that followed it. */
export const VersionSwitcher = ({
  row,
  onChoose,
  disabled,
}: {
  row: TThreadRow;
  onChoose: (messageId: string) => void;
  disabled?: boolean;
}) => {
  const { alternatives, message } = row;
  if (message.role !== "user" || alternatives.length < 2) return null;
  return (
    <span className="text-brand-100">
      <Flipper
        index={alternatives.findIndex((version) => version.id === message.id)}
        count={alternatives.length}
        noun="version"
        onGo={(to) => onChoose(alternatives[to]!.id)}
        disabled={disabled}
      />
    </span>
  );
};

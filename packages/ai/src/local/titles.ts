import type { TChatMessage } from "../provider.ts";

const MAX_WORDS = 6;
const GREETING = /^(hi|hello|hey|good (morning|afternoon|evening))\b[\s,!.]*/i;
// The ask itself names the topic better than the way it is asked.
const LEAD_IN =
  /^(so,?\s+)?(how (do|can|should|could) i|what should i do about|can you|could you|please|help me( to)?|i (want|need|would like|'d like) to|i'm trying to|i am trying to)\s+/i;

/** A few words naming the thread, from its first user message: what it asks about, without greetings. */
export const titleReply = (messages: TChatMessage[]) => {
  const first = messages.find((message) => message.role === "user")?.content ?? "";
  const sentence =
    first
      .replace(/\s+/g, " ")
      .trim()
      .replace(GREETING, "")
      .split(/(?<=[.!?])\s/)[0] ?? "";
  const topic = sentence.replace(LEAD_IN, "").replace(/[.!?…\s]+$/, "");
  const words = topic.split(" ").filter(Boolean);
  if (words.length === 0) return "New conversation";
  const title = words.slice(0, MAX_WORDS).join(" ") + (words.length > MAX_WORDS ? "…" : "");
  return title[0]!.toUpperCase() + title.slice(1);
};

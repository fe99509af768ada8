import type { TAiProvider } from "@cto/ai/provider";
import type { Db } from "@cto/db/client";

import { log } from "../../log.ts";
import { excerpt } from "./record.ts";

const MAX_TITLE = 80;
const INSTRUCTION = [
  "Write a title of at most six words naming the topic of a coaching conversation that begins with the user's next message.",
  "Answer with the title only: no quotes, no trailing punctuation.",
].join(" ");

/** The model's title as one clean line, or null when it gave nothing usable. */
const cleanTitle = (text: string) => {
  const line = text
    .split("\n")
    .map((part) => part.trim())
    .find(Boolean);
  const title = line
    ?.replace(/^title:\s*/i, "")
    .replace(/^["'“”‘’*#\s]+|["'“”‘’*\s.]+$/g, "")
    .trim();
  return title ? excerpt(title, MAX_TITLE) : null;
};

/**
 * Names an untitled conversation from its first exchange: the AI provider's title (the offline one
 * included), or, when it fails or answers nothing usable, the user's message cut short. A title the
 * user set meanwhile is never overwritten (the write is conditional on there being none).
 */
export const titleConversation = async ({
  db,
  ai,
  model,
  conversationId,
  userMessage,
  reply,
}: {
  db: Db;
  ai: TAiProvider;
  model: string;
  conversationId: string;
  userMessage: string;
  reply: string;
}) => {
  const untitled = await db.conversation.count({ where: { id: conversationId, title: null } });
  if (untitled === 0) return null;
  const suggested = await ai
    .chat({
      model,
      messages: [
        { role: "system", content: `${INSTRUCTION}\nThe coach answered: ${excerpt(reply, 400)}` },
        { role: "user", content: excerpt(userMessage, 1000) },
      ],
      grounding: { purpose: "title" },
      temperature: 0.2,
      maxTokens: 24,
    })
    .then((result) => cleanTitle(result.content))
    .catch((error: unknown) => {
      log.warn({ err: error }, "chat: could not title the conversation; its first message names it");
      return null;
    });
  const title = suggested ?? excerpt(userMessage, 60);
  const { count } = await db.conversation.updateMany({ where: { id: conversationId, title: null }, data: { title } });
  return count ? title : null;
};

import { z } from "zod";

/**
 * The conversation formats of ChatGPT's and Claude's data exports (`conversations.json`, an array of
 * conversations), read into one shape: the thread the user saw, oldest message first. Only what Cto
 * keeps is checked; everything else in an element passes unread, since both vendors add fields freely.
 */

export const EXPORT_FORMATS = ["chatgpt", "claude"] as const;
export type TExportFormat = (typeof EXPORT_FORMATS)[number];

export type TImportedMessage = {
  role: "USER" | "ASSISTANT";
  content: string;
  createdAt: Date;
  /** The vendor's message id, kept in the message's metadata. */
  externalId: string | null;
  /** The model that wrote an assistant message, where the export names it. */
  model: string | null;
};

export type TImportedThread = {
  externalId: string;
  title: string | null;
  createdAt: Date;
  updatedAt: Date;
  messages: TImportedMessage[];
  /** Messages the export holds that are not text the user or the assistant wrote in the thread. */
  skippedMessages: number;
};

/** Titles longer than a conversation's title may be are cut, as the web app's title would be. */
const MAX_TITLE = 200;
// Exports are years old at most; a time outside this range is a broken file, not history.
const EARLIEST = Date.UTC(2000, 0, 1);
const latest = () => Date.now() + 24 * 60 * 60 * 1000;

/** Text PostgreSQL can store: no NUL characters and no lone UTF-16 surrogates. */
export const storableText = (text: string) =>
  text
    .replaceAll("\u0000", "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

const plausibleTime = (date: Date, context: z.RefinementCtx) => {
  if (Number.isNaN(date.getTime()) || date.getTime() < EARLIEST || date.getTime() > latest())
    context.addIssue({ code: "custom", message: "is not a time between the year 2000 and today" });
};
/** ChatGPT's times: seconds since 1970, fractional. */
const zUnixSeconds = z
  .number()
  .finite()
  .transform((seconds) => new Date(seconds * 1000))
  .superRefine(plausibleTime);
/** Claude's times: ISO 8601 with an offset. */
const zIsoTime = z
  .string()
  .max(64)
  .transform((text) => new Date(text))
  .superRefine(plausibleTime);
const zId = z.string().min(1).max(200);
const zTitle = z
  .string()
  .nullish()
  .transform((title) => {
    const trimmed = title ? storableText(title).trim().slice(0, MAX_TITLE).trim() : "";
    return trimmed || null;
  });

const ZChatGptMessageSchema = z.object({
  id: zId,
  author: z.object({ role: z.string() }),
  create_time: zUnixSeconds.nullish(),
  content: z.object({ content_type: z.string(), parts: z.array(z.unknown()).nullish() }),
  recipient: z.string().nullish(),
  metadata: z
    .object({
      model_slug: z.string().max(200).nullish(),
      is_visually_hidden_from_conversation: z.boolean().nullish(),
    })
    .nullish(),
});
const ZChatGptNodeSchema = z.object({
  message: ZChatGptMessageSchema.nullish(),
  parent: z.string().nullish(),
  children: z.array(z.string()).nullish(),
});
const ZChatGptConversationSchema = z.object({
  id: zId.optional(),
  conversation_id: zId.optional(),
  title: zTitle,
  create_time: zUnixSeconds.nullish(),
  update_time: zUnixSeconds.nullish(),
  mapping: z.record(z.string(), ZChatGptNodeSchema),
  current_node: z.string().nullish(),
});
type TChatGptConversation = z.output<typeof ZChatGptConversationSchema>;

const ZClaudeMessageSchema = z.object({
  uuid: zId,
  sender: z.string(),
  text: z.string().nullish(),
  created_at: zIsoTime,
  content: z.array(z.object({ type: z.string(), text: z.string().nullish() })).nullish(),
  attachments: z
    .array(z.object({ file_name: z.string().nullish(), extracted_content: z.string().nullish() }))
    .nullish(),
  parent_message_uuid: z.string().nullish(),
});
const ZClaudeConversationSchema = z.object({
  uuid: zId,
  name: zTitle,
  created_at: zIsoTime,
  updated_at: zIsoTime.nullish(),
  chat_messages: z.array(ZClaudeMessageSchema),
});
type TClaudeConversation = z.output<typeof ZClaudeConversationSchema>;

/** Which export an element comes from, by the keys only one of them has; null: neither. */
export const formatOf = (element: unknown): TExportFormat | null => {
  if (!element || typeof element !== "object" || Array.isArray(element)) return null;
  if ("mapping" in element) return "chatgpt";
  if ("chat_messages" in element) return "claude";
  return null;
};

/** The text parts of a ChatGPT message the user saw; tool calls, reasoning and hidden messages have none. */
const chatGptText = (message: z.output<typeof ZChatGptMessageSchema>) => {
  const { content } = message;
  if (message.metadata?.is_visually_hidden_from_conversation) return "";
  if (message.recipient && message.recipient !== "all") return "";
  if (content.content_type !== "text" && content.content_type !== "multimodal_text") return "";
  return (content.parts ?? []).filter((part): part is string => typeof part === "string").join("\n");
};

/**
 * The branch the user last saw: from `current_node` up to the root. Without a usable `current_node`,
 * the path from the root through each node's latest child. Edited and regenerated branches off that
 * path are left out. A cycle in a malformed mapping ends the walk.
 */
const chatGptPath = (conversation: TChatGptConversation) => {
  const { mapping } = conversation;
  const path: string[] = [];
  const seen = new Set<string>();
  let at = conversation.current_node && mapping[conversation.current_node] ? conversation.current_node : null;
  if (at) {
    for (let id: string | null | undefined = at; id && mapping[id] && !seen.has(id); id = mapping[id]?.parent) {
      seen.add(id);
      path.unshift(id);
    }
    return path;
  }
  at = Object.keys(mapping).find((id) => !mapping[id]?.parent || !mapping[mapping[id]?.parent ?? ""]) ?? null;
  for (let id: string | null | undefined = at; id && mapping[id] && !seen.has(id); id = mapping[id]?.children?.at(-1)) {
    seen.add(id);
    path.push(id);
  }
  return path;
};

const ROLES: Record<string, TImportedMessage["role"]> = {
  user: "USER",
  human: "USER",
  assistant: "ASSISTANT",
};

/**
 * A thread's order is its messages' times, so they strictly increase: a message without a time, or with
 * one earlier than (or equal to) its predecessor's, is stored a millisecond after it.
 */
const inOrder = (messages: Omit<TImportedMessage, "createdAt">[], times: (Date | null)[], start: Date) => {
  let last = start.getTime() - 1;
  return messages.map((message, index) => {
    last = Math.max(times[index]?.getTime() ?? last + 1, last + 1);
    return { ...message, createdAt: new Date(last) };
  });
};

const fromChatGpt = (conversation: TChatGptConversation): TImportedThread => {
  const nodes = chatGptPath(conversation).map((id) => conversation.mapping[id]?.message);
  const kept: Omit<TImportedMessage, "createdAt">[] = [];
  const times: (Date | null)[] = [];
  for (const message of nodes) {
    if (!message) continue;
    const role = ROLES[message.author.role];
    const text = storableText(chatGptText(message)).trim();
    if (!role || !text) continue;
    kept.push({ role, content: text, externalId: message.id, model: message.metadata?.model_slug ?? null });
    times.push(message.create_time ?? null);
  }
  const stored = Object.values(conversation.mapping).filter((node) => node.message).length;
  const createdAt = conversation.create_time ?? times.find(Boolean) ?? new Date();
  const messages = inOrder(kept, times, createdAt);
  return {
    externalId: conversation.conversation_id ?? conversation.id ?? "",
    title: conversation.title,
    createdAt,
    updatedAt: new Date(
      Math.max(
        conversation.update_time?.getTime() ?? 0,
        messages.at(-1)?.createdAt.getTime() ?? 0,
        createdAt.getTime(),
      ),
    ),
    messages,
    skippedMessages: stored - messages.length,
  };
};

/** A Claude message's text: its text blocks (else its `text`), then the text of what the user attached. */
const claudeText = (message: z.output<typeof ZClaudeMessageSchema>) => {
  const blocks = (message.content ?? [])
    .filter((block) => block.type === "text" && block.text)
    .map((block) => block.text);
  const body = blocks.length ? blocks.join("\n\n") : (message.text ?? "");
  const attached = (message.attachments ?? [])
    .filter((attachment) => attachment.extracted_content?.trim())
    .map((attachment) => `[Attachment: ${attachment.file_name ?? "file"}]\n${attachment.extracted_content}`);
  return [body, ...attached].filter((part) => part.trim()).join("\n\n");
};

/** Claude's newer exports name each message's parent: the thread is the latest message's ancestry. */
const claudePath = (messages: TClaudeConversation["chat_messages"]) => {
  if (!messages.some((message) => message.parent_message_uuid)) return messages;
  const byId = new Map(messages.map((message) => [message.uuid, message]));
  const path: typeof messages = [];
  const seen = new Set<string>();
  for (let message = messages.at(-1); message && !seen.has(message.uuid); ) {
    seen.add(message.uuid);
    path.unshift(message);
    message = message.parent_message_uuid ? byId.get(message.parent_message_uuid) : undefined;
  }
  return path;
};

const fromClaude = (conversation: TClaudeConversation): TImportedThread => {
  const kept: Omit<TImportedMessage, "createdAt">[] = [];
  const times: Date[] = [];
  let skippedMessages = conversation.chat_messages.length;
  for (const message of claudePath(conversation.chat_messages)) {
    const role = ROLES[message.sender];
    const text = storableText(claudeText(message)).trim();
    if (!role || !text) continue;
    skippedMessages--;
    kept.push({ role, content: text, externalId: message.uuid, model: null });
    times.push(message.created_at);
  }
  const messages = inOrder(kept, times, conversation.created_at);
  const last = messages.at(-1)?.createdAt.getTime() ?? 0;
  return {
    externalId: conversation.uuid,
    title: conversation.name,
    createdAt: conversation.created_at,
    updatedAt: new Date(Math.max(conversation.updated_at?.getTime() ?? 0, last, conversation.created_at.getTime())),
    messages,
    skippedMessages,
  };
};

export type TParsedElement =
  | { ok: true; thread: TImportedThread }
  | { ok: false; issues: { path: (string | number)[]; message: string }[] };

/** One element of `conversations.json`, checked and read as the thread it holds. */
export const readConversation = (format: TExportFormat, element: unknown): TParsedElement => {
  if (format === "chatgpt") {
    const parsed = ZChatGptConversationSchema.safeParse(element);
    if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
    if (!parsed.data.conversation_id && !parsed.data.id)
      return { ok: false, issues: [{ path: ["id"], message: "a conversation needs an id or conversation_id" }] };
    return { ok: true, thread: fromChatGpt(parsed.data) };
  }
  const parsed = ZClaudeConversationSchema.safeParse(element);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  return { ok: true, thread: fromClaude(parsed.data) };
};

const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === "symbol" ? String(key) : key)),
    message: issue.message,
  }));

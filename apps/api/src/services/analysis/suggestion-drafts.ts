import { z } from "zod";

import type { TAiProvider, TChatMessage } from "@cto/ai/provider";

export type TConversationLine = { author: "USER" | "CONTACT"; text: string };
export type TKnowledgeSource = {
  id: string;
  chunkId: string;
  textContent: string;
  score: number;
  goal: string | null;
  techniques: string[];
};
export type TSuggestionDraft = { title: string; tag: string; text: string; analysis: string };
/** What drafts are asked for: the conversation so far, the knowledge notes found for it, how many. */
type TDraftRequest = { conversation: TConversationLine[]; sources: TKnowledgeSource[]; count: number };

const ZDraftsSchema = z.object({
  suggestions: z
    .array(
      z.object({
        title: z.string().trim().min(1).max(200),
        tag: z.string().trim().min(1).max(100),
        text: z.string().trim().min(1).max(4000),
        analysis: z.string().trim().min(1).max(8000),
      }),
    )
    .min(1),
});

/** The model's answer did not have the agreed JSON shape. */
export class SuggestionFormatError extends Error {}

const excerpt = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
};
const transcript = (conversation: TConversationLine[]) =>
  conversation.map((line) => `${line.author === "USER" ? "USER" : "CONTACT"}: ${line.text}`).join("\n");

export const suggestionPrompt = ({ conversation, sources, count }: TDraftRequest): TChatMessage[] => [
  {
    role: "system",
    content: [
      "You are Cto, a practical communication coach. The user is analysing a chat between USER (the person you help) and CONTACT.",
      `Suggest ${count} different replies USER could send next: natural, in USER's voice, short enough for a chat message, respectful, never manipulative.`,
      sources.length
        ? `Ground them in these coaching notes and cite them as [n] in the analysis:\n${sources.map((source, i) => `[${i + 1}] ${source.textContent}`).join("\n")}`
        : "No coaching notes matched this chat; rely on the conversation.",
      'Answer with JSON only: {"suggestions":[{"title":"…","tag":"…","text":"…","analysis":"…"}]} — title: a few words naming the approach; tag: one or two words such as Empathy, Clarity, Boundaries or Confidence; text: the reply itself; analysis: why this works, in one to three sentences.',
    ].join("\n\n"),
  },
  { role: "user", content: `The chat so far, oldest first:\n${transcript(conversation)}` },
];

/** Reads the model's JSON, tolerating a Markdown code fence around it. */
export const parseDrafts = (content: string, count: number): TSuggestionDraft[] => {
  const body = content
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new SuggestionFormatError("The AI answer was not JSON.");
  }
  const drafts = ZDraftsSchema.safeParse(parsed);
  if (!drafts.success)
    throw new SuggestionFormatError("The AI answer did not list suggestions with title, tag, text and analysis.");
  return drafts.data.suggestions.slice(0, count);
};

const fnv1a = (text: string) => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
};
const label = (value: string) => value.replace(/[_-]+/g, " ").replace(/^\w/, (char) => char.toUpperCase());

const TEMPLATES: ((quote: string) => string)[] = [
  (quote) => `Thanks for telling me. When you say "${quote}", what matters most to you about it?`,
  () => "I hear you. Could we agree on one small next step that works for both of us?",
  () => "That makes sense to me. Here is what I can do from my side — does that work for you?",
  (quote) => `I want to make sure I understand: "${quote}" — did I get that right?`,
  () => "I appreciate you being open about this. Can we talk it through properly later today?",
];

/**
 * The offline local provider's suggestions: fixed reply templates picked by a hash of the contact's
 * last message, each tied to a matched knowledge note. Deterministic and labelled as templates, so
 * nobody mistakes them for a model's work.
 */
export const localDrafts = ({ conversation, sources, count }: TDraftRequest): TSuggestionDraft[] => {
  const last = [...conversation].reverse().find((line) => line.author === "CONTACT") ?? conversation.at(-1)!;
  const quote = excerpt(last.text, 80);
  const start = fnv1a(last.text);
  return Array.from({ length: count }, (_, i) => {
    const source = sources.length ? sources[i % sources.length] : undefined;
    const approach = label(source?.techniques[0] ?? source?.goal ?? "clarity");
    return {
      title: `Template ${i + 1}: ${approach}`,
      tag: label(source?.goal ?? "clarity"),
      text: TEMPLATES[(start + i) % TEMPLATES.length]!(quote),
      analysis: [
        "Offline template, not written by a language model: no AI model is configured, so Cto picked a fixed reply pattern.",
        source
          ? `It follows the knowledge-base note ${source.chunkId}: "${excerpt(source.textContent, 220)}"`
          : "No knowledge-base note matched this chat.",
      ].join(" "),
    };
  });
};

/** Drafts from the configured provider: the model for OpenAI-compatible servers, templates offline. */
export const draftSuggestions = async ({
  ai,
  conversation,
  sources,
  count,
  temperature,
  maxTokens,
}: TDraftRequest & { ai: TAiProvider; temperature: number; maxTokens: number }) => {
  if (ai.kind === "local")
    return {
      drafts: localDrafts({ conversation, sources, count }),
      model: ai.chatModel,
      usage: { promptTokens: 0, completionTokens: 0 },
    };
  const result = await ai.chat({
    messages: suggestionPrompt({ conversation, sources, count }),
    temperature,
    maxTokens,
  });
  return { drafts: parseDrafts(result.content, count), model: result.model, usage: result.usage };
};

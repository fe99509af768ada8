import { z } from "zod";

import { zApiEnum } from "../boundary.ts";
import { AiModel } from "../generated/drizzle/schema.ts";
import { apiRowSchema } from "../rows.ts";
import { zText } from "../values.ts";

// The AI model catalogue (004's model metadata and pricing): read by every signed-in user, written by administrators.

export const AiModelKind = { CHAT: "CHAT", EMBEDDING: "EMBEDDING" } as const;
export const ZAiModelKindSchema = zApiEnum(AiModelKind);

export const ZAiModelSchema = apiRowSchema(AiModel);
export type TAiModel = z.infer<typeof ZAiModelSchema>;
export const ZAiModelListSchema = z.object({ items: z.array(ZAiModelSchema) });

/** US dollars per one million tokens, to the cent of a millionth (the column's six decimals). */
const ZPriceSchema = z
  .number()
  .min(0)
  .max(999_999)
  .refine((price) => Math.abs(price * 1e6 - Math.round(price * 1e6)) < 1e-6, "At most six decimals")
  .describe("US dollars per one million tokens");

const fields = {
  name: zText().trim().min(1).max(200).describe("The provider's model name, as requests send it (gpt-4o-mini)"),
  kind: ZAiModelKindSchema,
  displayName: zText().trim().min(1).max(200),
  provider: zText().trim().min(1).max(100).describe("Who serves it (openai, openrouter, local)"),
  contextWindow: z
    .number()
    .int()
    .positive()
    .max(100_000_000)
    .nullable()
    .describe("Prompt and completion tokens together at most; null when unknown"),
  inputPrice: ZPriceSchema,
  outputPrice: ZPriceSchema,
  isActive: z
    .boolean()
    .describe("Offered to users; a retired model stays listed, inactive, so past usage keeps its price"),
};

export const ZCreateAiModelSchema = z.object({
  ...fields,
  contextWindow: fields.contextWindow.default(null),
  outputPrice: fields.outputPrice.default(0),
  isActive: fields.isActive.default(true),
});
export type TCreateAiModel = z.input<typeof ZCreateAiModelSchema>;
/** Fields left out are kept. */
export const ZUpdateAiModelSchema = z.object(fields).partial();
export type TUpdateAiModel = z.input<typeof ZUpdateAiModelSchema>;
export const ZAiModelFiltersSchema = z.object({
  active: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional()
    .describe("Only active (true) or retired (false) models"),
});

/** GET /models: the chat models the configured AI provider serves, which a conversation may choose. */
export const ZOfferedModelSchema = z.object({
  name: z.string().describe("What a conversation's `model` takes"),
  displayName: z.string(),
  provider: z.string(),
  contextWindow: z.number().int().nullable(),
  inputPrice: z.number().describe("US dollars per one million prompt tokens"),
  outputPrice: z.number().describe("US dollars per one million completion tokens"),
  isDefault: z.boolean().describe("The provider's own default, used when neither the conversation nor you chose one"),
});
export type TOfferedModel = z.infer<typeof ZOfferedModelSchema>;
export const ZOfferedModelsSchema = z.object({
  items: z.array(ZOfferedModelSchema),
  defaultModel: z.string().describe("The model a conversation without a choice of its own (and without yours) uses"),
  userDefault: z.string().nullable().describe("Your default (/me/model), when it is one of these; else null"),
});

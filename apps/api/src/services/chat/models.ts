import type { TAiProvider } from "@cto/ai/provider";
import type { TOfferedModel } from "@cto/contracts/api/ai-models";
import type { Db } from "@cto/db/client";

import { ApiError } from "../../errors.ts";
import type { TSharedCache } from "../../lib/shared-cache.ts";
import { listAiModels } from "../ai-models.ts";

export type TModelDeps = { db: Db; ai: TAiProvider; sharedCache?: TSharedCache };

const MILLION = 1_000_000;

/**
 * The chat models a conversation may choose: the catalogue's active chat models of the configured
 * provider (the offline provider serves the `local` ones, an OpenAI-compatible server every other), and
 * the provider's own default even where the catalogue does not list it (priced by AI_PRICES then).
 */
export const listOfferedModels = async ({ db, ai, sharedCache }: TModelDeps): Promise<TOfferedModel[]> => {
  const catalogue = await listAiModels({ db, sharedCache });
  const served = catalogue.filter(
    (model) => model.kind === "CHAT" && model.isActive && (model.provider === "local") === (ai.kind === "local"),
  );
  const offered = served.map((model) => ({
    name: model.name,
    displayName: model.displayName,
    provider: model.provider,
    contextWindow: model.contextWindow,
    inputPrice: model.inputPrice,
    outputPrice: model.outputPrice,
    isDefault: model.name === ai.chatModel,
  }));
  if (offered.some((model) => model.isDefault)) return offered;
  const fallback = {
    name: ai.chatModel,
    displayName: ai.chatModel,
    provider: ai.kind,
    contextWindow: null,
    inputPrice: ai.costOf(ai.chatModel, { promptTokens: MILLION, completionTokens: 0 }),
    outputPrice: ai.costOf(ai.chatModel, { promptTokens: 0, completionTokens: MILLION }),
    isDefault: true,
  };
  return [fallback, ...offered];
};

/** 400 naming `path` unless `model` is offered: a conversation never stores a model no reply could use. */
export const assertOfferedModel = async (deps: TModelDeps, model: string, path = "model") => {
  const offered = await listOfferedModels(deps);
  if (offered.some((entry) => entry.name === model)) return;
  throw new ApiError("validation_failed", `The model "${model.slice(0, 200)}" is not offered here.`, [
    { path, message: `not one of GET /models: ${offered.map((entry) => entry.name).join(", ")}` },
  ]);
};

/** The user's default (/me/model) when it is offered; null otherwise (a stale or foreign default is not applied). */
export const offeredUserDefault = async (deps: TModelDeps, userId: string) => {
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: { currentModel: true } });
  if (!user?.currentModel) return null;
  const offered = await listOfferedModels(deps);
  return offered.some((entry) => entry.name === user.currentModel) ? user.currentModel : null;
};

/**
 * The model a reply asks for: the conversation's choice, else the user's default, else the provider's,
 * each only while it is offered (a model retired from the catalogue since falls through).
 */
export const modelForReply = async (deps: TModelDeps & { userId: string; conversationId: string }) => {
  const [offered, conversation, user] = await Promise.all([
    listOfferedModels(deps),
    deps.db.conversation.findFirst({ where: { id: deps.conversationId }, select: { model: true } }),
    deps.db.user.findUnique({ where: { id: deps.userId }, select: { currentModel: true } }),
  ]);
  const names = new Set(offered.map((entry) => entry.name));
  return [conversation?.model, user?.currentModel].find((model) => model && names.has(model)) ?? deps.ai.chatModel;
};

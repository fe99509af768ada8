import { costFromPrices, type TAiProvider } from "@cto/ai/provider";
import type { ZCreateAiModelSchema, ZUpdateAiModelSchema } from "@cto/contracts/api/ai-models";
import type { AiModel, Db } from "@cto/db/client";
import type { z } from "zod";

import { NO_SHARED_CACHE, type TSharedCache } from "../lib/shared-cache.ts";

/**
 * The AI model catalogue (004's "cache model metadata and pricing"): a few dozen rows that every chat
 * turn prices its tokens with. It is cached whole, as one entry of the shared cache, and every write
 * here invalidates that entry, so all API instances price with the catalogue as last written.
 */
const CATALOGUE = ["ai-models", "all"] as const;

/** A catalogue row with its prices as numbers (Decimal does not survive the cache's JSON). */
export type TAiModelRow = Omit<AiModel, "inputPrice" | "outputPrice"> & { inputPrice: number; outputPrice: number };

const plain = (row: AiModel): TAiModelRow => ({
  ...row,
  inputPrice: row.inputPrice.toNumber(),
  outputPrice: row.outputPrice.toNumber(),
});

type TCatalogueDeps = { db: Db; sharedCache?: TSharedCache };

/** Every model, chat models first, then by name. */
export const listAiModels = ({ db, sharedCache = NO_SHARED_CACHE }: TCatalogueDeps) =>
  sharedCache.read(...CATALOGUE, async () =>
    (await db.aiModel.findMany({ orderBy: [{ kind: "asc" }, { name: "asc" }] })).map(plain),
  );

const forgetCatalogue = (sharedCache: TSharedCache = NO_SHARED_CACHE) => sharedCache.invalidate(...CATALOGUE);

/** A name already listed answers 409 (the unique index). */
export const createAiModel = async ({
  db,
  sharedCache,
  input,
}: TCatalogueDeps & { input: z.output<typeof ZCreateAiModelSchema> }) => {
  const row = await db.aiModel.create({ data: input });
  await forgetCatalogue(sharedCache);
  return plain(row);
};

/** Fields left out are kept; an unknown id answers 404, a name already taken 409. */
export const updateAiModel = async ({
  db,
  sharedCache,
  id,
  input,
}: TCatalogueDeps & { id: string; input: z.output<typeof ZUpdateAiModelSchema> }) => {
  const row = await db.aiModel.update({ where: { id }, data: input });
  await forgetCatalogue(sharedCache);
  return plain(row);
};

/** Past AI responses name models by text, so deleting one loses no history; retiring (isActive false) keeps its price listed. */
export const deleteAiModel = async ({ db, sharedCache, id }: TCatalogueDeps & { id: string }) => {
  await db.aiModel.delete({ where: { id } });
  await forgetCatalogue(sharedCache);
};

/**
 * The provider with the catalogue's prices: a model the catalogue lists (or a dated snapshot of one)
 * costs what the catalogue says, any other what AI_PRICES says. Read once per AI call's caller, so a
 * price written through any instance applies to the next reply on every instance.
 */
export const withCataloguePrices = async ({
  ai,
  ...deps
}: TCatalogueDeps & { ai: TAiProvider }): Promise<TAiProvider> => {
  const models = await listAiModels(deps);
  if (models.length === 0) return ai;
  const prices = Object.fromEntries(
    models.map((model) => [model.name, { input: model.inputPrice, output: model.outputPrice }]),
  );
  const catalogueCost = costFromPrices(prices);
  const listed = (model: string) => model in prices || models.some(({ name }) => model.startsWith(`${name}-`));
  return { ...ai, costOf: (model, usage) => (listed(model) ? catalogueCost(model, usage) : ai.costOf(model, usage)) };
};

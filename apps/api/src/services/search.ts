import type { z } from "zod";

import type { TAiProvider } from "@cto/ai/provider";
import type { ZSearchQuerySchema } from "@cto/contracts/api/search";
import type { Db, EmbeddingOwnerKind } from "@cto/db/client";
import { searchEmbeddings, searchKnowledgeChunks } from "@cto/db/vector";

import { toAiApiError } from "./ai-failure.ts";
import { searchParents } from "./search-parents.ts";

/**
 * Semantic search over the user's own memory (everything they wrote that was embedded) and the
 * knowledge base, both with the current embedding model: vectors of other models are not compared.
 * Each memory match carries the id of the row it is shown under (`searchParents`), or null.
 */
export const search = async ({
  db,
  ai,
  userId,
  query: { q, scope, kinds, from, to, phase, goal, type, k },
}: {
  db: Db;
  ai: TAiProvider;
  userId: string;
  query: z.output<typeof ZSearchQuerySchema>;
}) => {
  // Bounded by AI_QUERY_TIMEOUT_MS: with the provider down, search answers 503 within seconds.
  const { vector, model } = await ai.embedQuery(q).catch((error: unknown) => {
    throw toAiApiError(error, "Search is unavailable right now");
  });
  const memory =
    scope === "knowledge"
      ? []
      : await searchEmbeddings(db, {
          userId,
          vector,
          model,
          k,
          ...(kinds ? { ownerKinds: kinds as EmbeddingOwnerKind[] } : {}),
          ...(from === undefined ? {} : { createdAfter: new Date(from) }),
          ...(to === undefined ? {} : { createdBefore: new Date(to) }),
        });
  const knowledge =
    scope === "memory"
      ? []
      : await searchKnowledgeChunks(db, {
          vector,
          model,
          k,
          ...(phase === undefined ? {} : { phase }),
          ...(goal ? { goal } : {}),
          ...(type ? { type } : {}),
        });
  const parents = await searchParents(db, userId, memory);
  return {
    model,
    memory: memory.map((match) => ({ ...match, parentId: parents.get(match.ownerId) ?? null })),
    knowledge,
  };
};

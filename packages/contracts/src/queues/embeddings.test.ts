import { describe, expect, it } from "vitest";

import { EMBEDDING_UPSERT_MAX_OWNERS, ZEmbeddingUpsertJobSchema } from "./embeddings.ts";

const owner = () => ({ userId: crypto.randomUUID(), ownerKind: "EMOTION" as const, ownerId: crypto.randomUUID() });

describe("the embeddings/upsert job's payload", () => {
  it("carries one to EMBEDDING_UPSERT_MAX_OWNERS rows", () => {
    const owners = Array.from({ length: EMBEDDING_UPSERT_MAX_OWNERS }, owner);
    expect(ZEmbeddingUpsertJobSchema.parse({ owners })).toEqual({ owners });
    expect(ZEmbeddingUpsertJobSchema.safeParse({ owners: [] }).success).toBe(false);
    expect(ZEmbeddingUpsertJobSchema.safeParse({ owners: [...owners, owner()] }).success).toBe(false);
  });

  it("reads a job of one row alone, as earlier versions added it, as a job of that row", () => {
    const one = owner();
    expect(ZEmbeddingUpsertJobSchema.parse(one)).toEqual({ owners: [one] });
  });

  it("refuses a row that is not one: a bad id, an unknown kind, a missing user", () => {
    for (const bad of [
      { ...owner(), ownerId: "x" },
      { ...owner(), ownerKind: "NOT_A_KIND" },
      { ownerKind: "EMOTION", ownerId: crypto.randomUUID() },
    ]) {
      expect(ZEmbeddingUpsertJobSchema.safeParse({ owners: [bad] }).success).toBe(false);
      expect(ZEmbeddingUpsertJobSchema.safeParse(bad).success).toBe(false);
    }
  });
});

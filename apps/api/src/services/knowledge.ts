import type { Db } from "@cto/db/client";

import { readPage } from "../lib/pagination.ts";

/** Ingestion with the configured provider is @cto/core's, shared with the `knowledge:ingest` command. */
export { ingestKnowledge } from "@cto/core/knowledge";

type TKnowledgeQuery = {
  limit: number;
  cursor?: string | undefined;
  phase?: number | undefined;
  goal?: string | undefined;
  type?: string | undefined;
  active?: "true" | "false" | undefined;
};

/** A page of chunks by chunk id, filtered by phase, goal, type and activity. */
export const listKnowledge = ({
  db,
  query: { limit, cursor, phase, goal, type, active },
}: {
  db: Db;
  query: TKnowledgeQuery;
}) =>
  readPage(
    { limit, cursor },
    {
      listed: (id) => db.knowledgeChunk.findFirst({ where: { id }, select: { id: true } }),
      read: (window) =>
        db.knowledgeChunk.findMany({
          where: { phase, goal, type, ...(active === undefined ? {} : { isActive: active === "true" }) },
          orderBy: [{ chunkId: "asc" }, { id: "asc" }],
          ...window,
        }),
    },
  );

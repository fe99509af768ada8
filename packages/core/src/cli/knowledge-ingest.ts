import { readFile } from "node:fs/promises";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import { createDb } from "@cto/db/client";
import { KnowledgeParseError, parseKnowledgeJson } from "@cto/db/knowledge";

import { ingestKnowledge } from "../knowledge.ts";

/**
 * `pnpm knowledge:ingest <file.json>`: loads knowledge chunks in 001's format, embedding them with the
 * AI provider the environment configures (the offline local provider without OPENAI_API_KEY).
 */
const main = async (args: string[]): Promise<number> => {
  const file = args[0];
  if (!file || args.length > 1) {
    console.error('Usage: pnpm knowledge:ingest <file.json>   (a list of chunks, or { "chunks": [...] })');
    return 1;
  }
  if (!process.env.DATABASE_URL) {
    console.error("knowledge:ingest needs DATABASE_URL (the database to load the chunks into).");
    return 1;
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  let chunks: ReturnType<typeof parseKnowledgeJson>;
  try {
    chunks = parseKnowledgeJson(text);
  } catch (error) {
    if (!(error instanceof KnowledgeParseError)) throw error;
    console.error(`${file}: ${error.message}`);
    return 1;
  }
  const ai = createAiProvider(parseAiConfig());
  const db = createDb({ url: process.env.DATABASE_URL });
  try {
    const counts = await ingestKnowledge({ db, ai, chunks });
    console.log(
      `${file}: ${chunks.length} chunks — ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged (embedding model ${counts.model}, ${ai.kind} provider)`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
};

process.exitCode = await main(process.argv.slice(2));

import { parseArgs } from "node:util";

import { createAiProvider } from "@cto/ai/create-provider";
import { countStaleOwners, reindexEmbeddings } from "@cto/core/embeddings";
import { createDb } from "@cto/db/client";

import { loadEnv } from "../../env.ts";
import { embedderFor } from "./embedder.ts";

const USAGE = "Usage: pnpm --filter @cto/worker embeddings:reindex [--user <uuid>] [--batch-size <1-1000>]";

// A command's report to the person running it (not a log line: the worker's logs go through log.ts).
const say = (text: string) => process.stdout.write(`${text}\n`);
const complain = (text: string) => process.stderr.write(`${text}\n`);

/**
 * `embeddings:reindex`: after a change of AI_EMBEDDING_MODEL (or provider), re-embeds everything
 * whose embedding is missing, of another model or older than its row, in batches, printing progress. Stopping it is
 * safe; running it again resumes. Searches only compare vectors of the current model throughout.
 */
const main = async (argv: string[]) => {
  const parse = () =>
    parseArgs({
      args: argv,
      options: { user: { type: "string" }, "batch-size": { type: "string", default: "100" } },
    }).values;
  let options: ReturnType<typeof parse>;
  try {
    options = parse();
  } catch (error) {
    complain(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const batchSize = Number(options["batch-size"]);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) {
    complain(`--batch-size must be an integer from 1 to 1000.\n${USAGE}`);
    return 1;
  }
  const env = loadEnv();
  const ai = createAiProvider(env.ai);
  const db = createDb({ url: env.DATABASE_URL });
  try {
    const stale = await countStaleOwners(db, ai.embeddingModel, options.user);
    const total = Object.values(stale).reduce((sum, n) => sum + n, 0);
    say(
      `Embedding model ${ai.embeddingModel} (${ai.kind}): ${total} rows to embed${
        total
          ? ` — ${Object.entries(stale)
              .map(([kind, n]) => `${kind} ${n}`)
              .join(", ")}`
          : ""
      }`,
    );
    const started = Date.now();
    const result = await reindexEmbeddings(db, embedderFor(ai), {
      batchSize,
      userId: options.user,
      onProgress: (p) =>
        say(
          `  ${p.owners}/${total} rows (${p.kind}, ${p.reason}): ${p.embedded} chunks embedded, ${p.reused} reused, ${p.unchanged} unchanged, ${p.deleted} stale rows deleted`,
        ),
    });
    say(
      `Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.owners} rows, ${result.embedded} chunks embedded, ${result.reused} reused, ${result.purged} embeddings of trashed rows purged.`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
};

process.exitCode = await main(process.argv.slice(2));

import type { TAiProvider } from "@cto/ai/provider";
import type { TEmbedder } from "@cto/core/embeddings";

/** The AI provider as the pipeline's embedder: its embedding model names every row it writes. */
export const embedderFor = (ai: TAiProvider): TEmbedder => ({
  model: ai.embeddingModel,
  embed: async (texts) => (await ai.embed(texts)).vectors,
});

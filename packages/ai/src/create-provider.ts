import type { TAiConfig } from "./config.ts";
import { createLocalProvider } from "./local-provider.ts";
import { createOpenAiProvider } from "./openai-provider.ts";
import type { TAiProvider } from "./provider.ts";

/** The OpenAI SDK when a key or an OpenAI-compatible base URL is configured; otherwise the offline local provider. */
export const createAiProvider = (config: TAiConfig): TAiProvider =>
  config.apiKey || config.baseUrl ? createOpenAiProvider(config) : createLocalProvider({ prices: config.prices });

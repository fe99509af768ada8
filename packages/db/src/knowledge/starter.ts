import { readFileSync } from "node:fs";
import path from "node:path";

import { parseKnowledgeJson } from "./parse.ts";
import type { TKnowledgeChunk } from "./schema.ts";

/** The starter knowledge base shipped with Cto, loaded by the seed. */
export const STARTER_KNOWLEDGE_PATH = path.join(import.meta.dirname, "starter-knowledge.json");

export const loadStarterKnowledge = (): TKnowledgeChunk[] =>
  parseKnowledgeJson(readFileSync(STARTER_KNOWLEDGE_PATH, "utf8"));

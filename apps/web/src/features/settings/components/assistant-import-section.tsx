import type { TApiResponse } from "@cto/contracts/api/endpoints";

import { useImportAssistantExport } from "../api/assistant-import.ts";
import { FileImportForm } from "./file-import-form.tsx";

const VENDOR = { chatgpt: "ChatGPT", claude: "Claude" } as const;
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

const outcome = (result: TApiResponse<"/conversations/import", "post", 201>) => {
  const skipped = result.conversations.duplicates
    ? ` ${result.conversations.duplicates} imported before, skipped.`
    : "";
  if (!result.format) return "The file holds no conversations.";
  return `Imported from ${VENDOR[result.format]}: ${count(result.conversations.imported, "conversation")} with ${count(result.messages.imported, "message")}.${skipped}`;
};

/** Brings a ChatGPT or Claude data export into the user's conversations (any account, not only an empty one). */
export const AssistantImportSection = () => (
  <FileImportForm
    title="Import from ChatGPT or Claude"
    description="Brings your conversations from another assistant into Cto, where the coach can recall them. Choose the ZIP file of a ChatGPT or Claude data export, or the conversations.json inside it. Conversations you imported before are skipped, so a newer export adds only what is new."
    fileLabel="ChatGPT or Claude export"
    accept="application/zip,.zip,application/json,.json"
    submitLabel="Import conversations"
    mutation={useImportAssistantExport()}
    outcome={outcome}
  />
);

import type { TApiResponse } from "@cto/contracts/api/endpoints";

import { useImportAssistantExport } from "../api/assistant-import.ts";
import { FileImportForm } from "./file-import-form.tsx";
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";

const VENDOR = { chatgpt: "ChatGPT", claude: "Claude" } as const;
const outcome = (result: TApiResponse<"/conversations/import", "post", 201>) => {
  const t = i18n.t;
  const skipped = result.conversations.duplicates
    ? t("accountData.skipped", { count: result.conversations.duplicates })
    : "";
  if (!result.format) return t("accountData.noConversations");
  const conversations = t("accountData.conversations", { count: result.conversations.imported });
  const messages = t("accountData.messages", { count: result.messages.imported });
  return `${t("accountData.importedFrom", { vendor: VENDOR[result.format], conversations, messages })}${skipped}`;
};

/** Brings a ChatGPT or Claude data export into the user's conversations (any account, not only an empty one). */
export const AssistantImportSection = () => {
  const { t } = useTranslation();
  return (
    <FileImportForm
      title={t("accountData.assistantTitle")}
      description={t("accountData.assistantDescription")}
      fileLabel={t("accountData.assistantFile")}
      accept="application/zip,.zip,application/json,.json"
      submitLabel={t("accountData.assistantSubmit")}
      mutation={useImportAssistantExport()}
      outcome={outcome}
    />
  );
};

import { Select } from "../../../components/ui/input.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";
import { useConversation, useModels } from "../api/find-conversations.ts";
import { useUpdateConversation } from "../api/manage-conversation.ts";

const price = (perMillion: number) => (perMillion === 0 ? i18n.t("chat.model.free") : `$${perMillion}/M`);

/** The conversation's model: one the server offers (GET /models), or the default (yours, else the provider's). */
export const ModelPicker = ({ conversationId }: { conversationId: string }) => {
  const { t } = useTranslation();
  const models = useModels();
  const conversation = useConversation(conversationId);
  const update = useUpdateConversation();
  const toast = useToast();
  if (!models.data || !conversation.data) return null;
  const fallback = models.data.userDefault ?? models.data.defaultModel;
  return (
    <Select
      aria-label={t("chat.model.label")}
      className="w-auto max-w-56 shrink-0 text-xs"
      value={conversation.data.model ?? ""}
      disabled={update.isPending}
      onChange={(event) =>
        update.mutate(
          { id: conversationId, model: event.target.value || null },
          { onError: (error) => toast.show(errorMessage(error), "error") },
        )
      }
    >
      <option value="">{t("chat.model.default", { model: fallback })}</option>
      {models.data.items.map((model) => (
        <option key={model.name} value={model.name}>
          {t("chat.model.option", {
            name: model.displayName,
            input: price(model.inputPrice),
            output: price(model.outputPrice),
          })}
        </option>
      ))}
    </Select>
  );
};

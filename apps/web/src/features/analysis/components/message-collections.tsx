import { useId, useState, type FormEvent } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { useCollections } from "../api/get-collections.ts";
import type { TAnalysisMessage } from "../api/types.ts";
import { useUpdateMessage } from "../api/update-message.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** The bookmark collections a message is in: remove it from one, or put it into another (new or existing). */
export const MessageCollections = ({ message, sessionId }: { message: TAnalysisMessage; sessionId: string }) => {
  const update = useUpdateMessage();
  const collections = useCollections();
  const toast = useToast();
  const listId = useId();
  const [name, setName] = useState("");
  const { t } = useTranslation();
  const save = (collectionIds: string[], done: string) =>
    update.mutate(
      { sessionId, messageId: message.id, collectionIds },
      { onSuccess: () => toast.show(done), onError: (error) => toast.show(errorMessage(error), "error") },
    );
  const add = (event: FormEvent) => {
    event.preventDefault();
    const collection = name.trim();
    if (!collection) return;
    if (!message.collectionIds.includes(collection))
      save([...message.collectionIds, collection], t("analysis.collections.added", { collection }));
    setName("");
  };

  return (
    <div className="mt-1.5 flex flex-wrap items-center gap-1.5 text-xs">
      {message.collectionIds.map((collection) => (
        <span
          key={collection}
          className="inline-flex max-w-full items-center gap-1 rounded-md bg-slate-100 px-1.5 py-0.5 text-slate-700 [overflow-wrap:anywhere]"
        >
          {collection}
          <button
            type="button"
            className="rounded px-0.5 text-slate-500 hover:text-slate-900"
            aria-label={t("analysis.collections.removeFrom", { collection })}
            disabled={update.isPending}
            onClick={() =>
              save(
                message.collectionIds.filter((item) => item !== collection),
                t("analysis.collections.removed", { collection }),
              )
            }
          >
            ×
          </button>
        </span>
      ))}
      <details className="text-slate-600">
        <summary className="cursor-pointer underline-offset-2 hover:underline">
          {t("analysis.collections.addTo")}
        </summary>
        <form onSubmit={add} className="mt-1 flex items-center gap-1.5" aria-label={t("analysis.collections.addTo")}>
          <Input
            aria-label={t("analysis.collections.name")}
            className="h-8 w-40 text-xs"
            value={name}
            maxLength={100}
            list={listId}
            onChange={(event) => setName(event.target.value)}
          />
          <datalist id={listId}>
            {(collections.data ?? []).map((collection) => (
              <option key={collection.collectionId} value={collection.collectionId} />
            ))}
          </datalist>
          <Button type="submit" size="sm" variant="secondary" loading={update.isPending} disabled={!name.trim()}>
            {t("analysis.collections.add")}
          </Button>
        </form>
      </details>
    </div>
  );
};

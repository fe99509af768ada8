import { Link } from "@tanstack/react-router";
import { useState, type KeyboardEvent } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { cn } from "../../../lib/cn.ts";
import { formatRelative } from "../../../lib/format.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import type { TConversation, TConversationShelf } from "../api/list-conversations.ts";
import { useRestoreConversation, useTrashConversation, useUpdateConversation } from "../api/manage-conversation.ts";

/** One conversation of the list, with its actions behind a toggle: pin, rename, archive, delete (undo: restore). */
export const ConversationItem = ({
  conversation,
  active,
  shelf,
  onTrashed,
}: {
  conversation: TConversation;
  active: boolean;
  shelf: TConversationShelf;
  onTrashed: (conversation: TConversation) => void;
}) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(conversation.title ?? "");
  const update = useUpdateConversation();
  const trash = useTrashConversation();
  const restore = useRestoreConversation();
  const toast = useToast();
  const name = conversation.title ?? t("chat.untitled");
  const onError = (error: unknown) => toast.show(errorMessage(error), "error");
  // Trashing refetches the list, which unmounts this item and would drop mutate()'s own callbacks: the promise still settles.
  const change = (body: Parameters<typeof update.mutate>[0]) => update.mutate(body, { onError });

  const saveTitle = () => {
    setRenaming(false);
    const trimmed = title.trim();
    if (trimmed && trimmed !== conversation.title) change({ id: conversation.id, title: trimmed });
  };
  const onRenameKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") saveTitle();
    if (event.key === "Escape") setRenaming(false);
  };

  return (
    <li className={cn("rounded-lg", active ? "bg-brand-50 ring-1 ring-brand-200" : "hover:bg-slate-100")}>
      <div className="flex items-start gap-1">
        {renaming ? (
          <Input
            aria-label={t("chat.item.newTitle", { name })}
            className="m-1.5 flex-1"
            value={title}
            maxLength={200}
            autoFocus
            onChange={(event) => setTitle(event.target.value)}
            onKeyDown={onRenameKey}
            onBlur={saveTitle}
          />
        ) : (
          <Link
            to="/chat/$conversationId"
            params={{ conversationId: conversation.id }}
            aria-current={active ? "page" : undefined}
            className="block min-w-0 flex-1 px-3 py-2.5"
          >
            <span className="flex items-baseline justify-between gap-2">
              <span className="truncate text-sm font-medium text-slate-900">
                {conversation.isPinned && (
                  <span className="mr-1.5 rounded bg-brand-100 px-1 py-0.5 text-[10px] font-semibold uppercase text-brand-700">
                    {t("chat.item.pinned")}
                  </span>
                )}
                {name}
              </span>
              <span className="shrink-0 text-xs text-slate-500">{formatRelative(conversation.updatedAt)}</span>
            </span>
            {conversation.summary && (
              <span className="mt-0.5 line-clamp-2 block text-xs text-slate-600">{conversation.summary}</span>
            )}
          </Link>
        )}
        <Button
          variant="ghost"
          size="sm"
          className="mt-1"
          aria-label={t("chat.item.actions", { name })}
          aria-expanded={open}
          onClick={() => setOpen((value) => !value)}
        >
          ⋯
        </Button>
      </div>
      {open && (
        <div className="flex flex-wrap gap-1 px-2 pb-2">
          {shelf === "trash" ? (
            <Button size="sm" variant="secondary" onClick={() => restore.mutate(conversation.id, { onError })}>
              {t("chat.item.restore")}
            </Button>
          ) : (
            <>
              <Button
                size="sm"
                variant="secondary"
                onClick={() => change({ id: conversation.id, isPinned: !conversation.isPinned })}
              >
                {conversation.isPinned ? t("chat.item.unpin") : t("chat.item.pin")}
              </Button>
              <Button
                size="sm"
                variant="secondary"
                onClick={() => {
                  setTitle(conversation.title ?? "");
                  setRenaming(true);
                  setOpen(false);
                }}
              >
                {t("chat.item.rename")}
              </Button>
              <Button
                size="sm"
                variant="secondary"
                onClick={() => change({ id: conversation.id, isActive: shelf !== "main" })}
              >
                {shelf === "main" ? t("chat.item.archive") : t("chat.item.unarchive")}
              </Button>
              <Button
                size="sm"
                variant="danger"
                onClick={() =>
                  trash
                    .mutateAsync(conversation.id)
                    .then(() => onTrashed(conversation))
                    .catch(onError)
                }
              >
                {t("chat.item.delete")}
              </Button>
            </>
          )}
        </div>
      )}
    </li>
  );
};

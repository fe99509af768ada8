import { useState, type FormEvent, type KeyboardEvent } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

/**
 * One of the person's messages, edited in place: Save asks the coach again with the new text (what
 * followed the old one stays, a version away), Cancel or Escape leaves it as it was.
 */
export const MessageEditor = ({
  initial,
  onSave,
  onCancel,
}: {
  initial: string;
  onSave: (text: string) => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const blank = !text.trim();
  const unchanged = text.trim() === initial.trim();
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!blank && !unchanged) onSave(text.trim());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Escape") onCancel();
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  return (
    <form onSubmit={submit} className="space-y-2">
      <textarea
        aria-label={t("chat.editor.label")}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        rows={3}
        maxLength={32_000}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this message; the caret goes there.
        autoFocus
        className="block w-full min-w-64 resize-y rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-300 focus-visible:outline-none"
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" size="sm" onClick={onCancel}>
          {t("chat.editor.cancel")}
        </Button>
        <Button type="submit" size="sm" variant="secondary" disabled={blank || unchanged}>
          {t("chat.editor.save")}
        </Button>
      </div>
    </form>
  );
};

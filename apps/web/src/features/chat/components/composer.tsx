import { useState, type FormEvent, type KeyboardEvent } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** The message box: Enter sends, Shift+Enter starts a new line; while a reply streams, Stop ends it. */
export const Composer = ({
  onSend,
  onStop,
  busy,
  draft,
  onDraftChange,
}: {
  onSend: (text: string) => void;
  onStop?: () => void;
  busy: boolean;
  draft: string;
  onDraftChange: (text: string) => void;
}) => {
  const { t } = useTranslation();
  const [touched, setTouched] = useState(false);
  const blank = !draft.trim();
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setTouched(true);
    if (blank || busy) return;
    onSend(draft.trim());
    setTouched(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  return (
    <form onSubmit={submit} className="border-t border-slate-200 bg-white p-3">
      <label htmlFor="chat-message" className="sr-only">
        {t("chat.composer.label")}
      </label>
      <div className="flex items-end gap-2">
        <textarea
          id="chat-message"
          rows={2}
          value={draft}
          onChange={(event) => onDraftChange(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t("chat.composer.placeholder")}
          aria-invalid={touched && blank ? true : undefined}
          aria-describedby="chat-message-hint"
          className="block max-h-48 min-h-[2.75rem] w-full resize-y rounded-xl border-0 bg-slate-50 px-3 py-2.5 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:bg-white focus:ring-2 focus:ring-brand-500 focus-visible:outline-none"
          maxLength={32_000}
        />
        {busy && onStop ? (
          <Button variant="secondary" onClick={onStop}>
            {t("chat.composer.stop")}
          </Button>
        ) : (
          <Button type="submit" loading={busy} disabled={blank}>
            {t("chat.composer.send")}
          </Button>
        )}
      </div>
      <p id="chat-message-hint" className="mt-1 px-1 text-xs text-slate-500">
        {touched && blank ? t("chat.composer.writeFirst") : t("chat.composer.hint")}
      </p>
    </form>
  );
};

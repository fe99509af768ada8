import { useState } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Select, Textarea } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { cn } from "../../../lib/cn.ts";
import { useConfirmOcr, useSaveOcr } from "../api/confirm-ocr.ts";
import type { TAnalysisSession, TOcrItem } from "../api/types.ts";
import { hasStoredScreenshot, StoredScreenshot } from "./stored-screenshot.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

// Who can have written a line, with the message that names them.
const AUTHORS = [
  { value: "contact", label: "analysis.conversation.theyWrote" },
  { value: "user", label: "analysis.conversation.iWrote" },
  { value: "ai", label: "analysis.conversation.ai" },
] as const satisfies readonly { value: TOcrItem["author"]; label: string }[];

/** Lines with text only; ids stay unique because new lines get ids no OCR line has. */
export const cleanItems = (items: TOcrItem[]) =>
  items.map((item) => ({ ...item, text: item.text.trim() })).filter((item) => item.text.length > 0);

/**
 * 001 §3.3: what the OCR read, for the person to check before anything is analysed. They fix the
 * text, who wrote each line, remove or add lines; confirming turns the lines into messages.
 */
export const OcrReview = ({ session, initial }: { session: TAnalysisSession; initial: TOcrItem[] }) => {
  const sessionId = session.id;
  const [items, setItems] = useState(initial);
  const [nextId, setNextId] = useState(1);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSaveOcr();
  const confirm = useConfirmOcr();
  const toast = useToast();
  const { t } = useTranslation();
  const change = (index: number, patch: Partial<TOcrItem>) =>
    setItems((current) => current.map((item, at) => (at === index ? { ...item, ...patch } : item)));
  const add = () => {
    setItems((current) => [...current, { id: `added-${nextId}`, text: "", author: "contact" }]);
    setNextId((id) => id + 1);
  };
  const checked = () => {
    const lines = cleanItems(items);
    setProblem(lines.length ? null : t("analysis.ocr.keepOne"));
    return lines.length ? lines : null;
  };

  return (
    <Card aria-labelledby="ocr-title">
      <CardHeader
        title={<span id="ocr-title">{t("analysis.ocr.title")}</span>}
        description={t("analysis.ocr.description")}
      />
      <FormError error={problem ? new Error(problem) : (save.error ?? confirm.error)} />
      {/* The screenshot stays in view beside the lines while they are corrected (above them on a phone). */}
      <div
        className={cn(
          "mt-3 grid gap-5",
          hasStoredScreenshot(session) && "xl:grid-cols-[minmax(0,16rem)_minmax(0,1fr)]",
        )}
      >
        {hasStoredScreenshot(session) && (
          <figure className="xl:sticky xl:top-4 xl:self-start">
            <StoredScreenshot
              session={session}
              className="max-h-80 w-auto max-w-full rounded-lg ring-1 ring-slate-200 xl:max-h-[36rem]"
            />
            <figcaption className="mt-1 text-xs text-slate-500">{t("analysis.ocr.whatWasRead")}</figcaption>
          </figure>
        )}
        <ol className="min-w-0 space-y-3">
          {items.map((item, index) => (
            <li key={item.id} className="grid grid-cols-[minmax(0,12rem)_auto] justify-between gap-2">
              <Select
                aria-label={t("analysis.ocr.lineAuthor", { number: index + 1 })}
                value={item.author}
                onChange={(event) => change(index, { author: event.target.value as TOcrItem["author"] })}
              >
                {AUTHORS.map((author) => (
                  <option key={author.value} value={author.value}>
                    {t(author.label)}
                  </option>
                ))}
              </Select>
              <Button
                variant="ghost"
                size="sm"
                aria-label={t("analysis.ocr.removeLine", { number: index + 1 })}
                onClick={() => setItems((current) => current.filter((_, at) => at !== index))}
              >
                {t("analysis.ocr.remove")}
              </Button>
              <Textarea
                aria-label={t("analysis.ocr.lineText", { number: index + 1 })}
                rows={2}
                maxLength={10_000}
                value={item.text}
                onChange={(event) => change(index, { text: event.target.value })}
                className="col-span-2"
              />
            </li>
          ))}
        </ol>
      </div>
      <div className="mt-4 flex flex-wrap items-center justify-between gap-2">
        <Button variant="secondary" size="sm" onClick={add}>
          {t("analysis.ocr.addLine")}
        </Button>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            loading={save.isPending}
            onClick={() => {
              const lines = checked();
              if (lines)
                save.mutate({ id: sessionId, items: lines }, { onSuccess: () => toast.show(t("analysis.ocr.saved")) });
            }}
          >
            {t("analysis.ocr.saveForLater")}
          </Button>
          <Button
            loading={confirm.isPending}
            onClick={() => {
              const lines = checked();
              if (lines)
                confirm.mutate(
                  { id: sessionId, items: lines },
                  { onSuccess: () => toast.show(t("analysis.ocr.confirmed")) },
                );
            }}
          >
            {t("analysis.ocr.confirm", { count: cleanItems(items).length })}
          </Button>
        </div>
      </div>
    </Card>
  );
};

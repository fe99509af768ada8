import { useEffect, useState } from "react";

import { cn } from "../../../lib/cn.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** Copies `text` to the clipboard and says so for two seconds (or that the browser refused). */
export const CopyButton = ({ text, label, className }: { text: string; label: string; className?: string }) => {
  const { t } = useTranslation();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <button
      type="button"
      onClick={() => void copy()}
      aria-label={label}
      className={cn(
        "rounded-md bg-white/90 px-2 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-slate-200 hover:bg-slate-100",
        className,
      )}
    >
      {state === "copied" ? t("chat.copy.copied") : state === "failed" ? t("chat.copy.failed") : t("chat.copy.copy")}
    </button>
  );
};

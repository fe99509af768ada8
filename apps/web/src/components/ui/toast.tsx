import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

import { cn } from "../../lib/cn.ts";
import { useTranslation } from "../../lib/i18n/index.ts";

type TToast = { id: number; message: string; tone: "success" | "error" | "info" };
type TToastApi = { show: (message: string, tone?: TToast["tone"]) => void };

const ToastContext = createContext<TToastApi | null>(null);

const TONES: Record<TToast["tone"], string> = {
  success: "bg-success-strong text-white",
  error: "bg-danger-strong text-white",
  info: "bg-ink text-white",
};

/** Short confirmations ("Saved") in a polite live region; errors stay longer than successes. */
export const ToastProvider = ({ children }: { children: ReactNode }) => {
  const [toasts, setToasts] = useState<TToast[]>([]);
  const next = useRef(0);
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const show = useCallback(
    (message: string, tone: TToast["tone"] = "success") => {
      const id = ++next.current;
      setToasts((current) => [...current.slice(-3), { id, message, tone }]);
      setTimeout(() => dismiss(id), tone === "error" ? 8000 : 4000);
    },
    [dismiss],
  );
  const value = useMemo(() => ({ show }), [show]);
  const { t } = useTranslation();
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4 sm:items-end"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.tone === "error" ? "alert" : "status"}
            className={cn(
              "pointer-events-auto flex max-w-sm items-start gap-3 rounded-lg px-4 py-3 text-sm shadow-lg",
              TONES[toast.tone],
            )}
          >
            <span className="flex-1">{toast.message}</span>
            <button
              type="button"
              onClick={() => dismiss(toast.id)}
              className="text-white/80 hover:text-white"
              aria-label={t("common.dismiss")}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
};

export const useToast = (): TToastApi => {
  const context = useContext(ToastContext);
  if (!context) throw new Error("useToast needs a <ToastProvider> above it.");
  return context;
};

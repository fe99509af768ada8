import type { ReactNode } from "react";

import { cn } from "../../lib/cn.ts";

type TTone = "neutral" | "brand" | "success" | "warning" | "danger";

const TONES: Record<TTone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/20",
  brand: "bg-brand-50 text-brand-700 ring-brand-500/20",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  warning: "bg-amber-50 text-amber-800 ring-amber-600/20",
  danger: "bg-red-50 text-red-800 ring-red-600/20",
};

export const Badge = ({
  tone = "neutral",
  children,
  className,
}: {
  tone?: TTone;
  children: ReactNode;
  className?: string;
}) => (
  // Not squeezed letter by letter beside a long title: it wraps only at spaces, and at most to its row's width.
  <span
    className={cn(
      "inline-flex max-w-full items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset [overflow-wrap:break-word]",
      TONES[tone],
      className,
    )}
  >
    {children}
  </span>
);

import type { ButtonHTMLAttributes } from "react";

import { cn } from "../../lib/cn.ts";
import { Spinner } from "./spinner.tsx";

type TVariant = "primary" | "secondary" | "ghost" | "danger";
type TSize = "sm" | "md";

const VARIANTS: Record<TVariant, string> = {
  primary: "bg-brand-600 text-white shadow-sm hover:bg-brand-strong disabled:bg-brand-600/60",
  secondary: "bg-white text-slate-800 ring-1 ring-inset ring-slate-300 shadow-sm hover:bg-slate-50",
  ghost: "text-slate-700 hover:bg-slate-100",
  danger: "bg-red-600 text-white shadow-sm hover:bg-danger-strong disabled:bg-red-600/60",
};
const SIZES: Record<TSize, string> = { sm: "h-8 px-3 text-sm", md: "h-10 px-4 text-sm" };

export const buttonClass = (variant: TVariant = "primary", size: TSize = "md") =>
  // shrink-0 and nowrap: a row with a long title beside its buttons wraps the title, never the button's label.
  cn(
    "inline-flex shrink-0 items-center justify-center gap-2 whitespace-nowrap rounded-lg font-medium transition-colors disabled:cursor-not-allowed",
    VARIANTS[variant],
    SIZES[size],
  );

export type TButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: TVariant;
  size?: TSize;
  loading?: boolean;
};

/** A button; `loading` disables it and shows a spinner, so a double click cannot submit twice. */
export const Button = ({
  variant = "primary",
  size = "md",
  loading = false,
  className,
  disabled,
  children,
  type = "button",
  ...props
}: TButtonProps) => (
  <button
    type={type}
    className={cn(buttonClass(variant, size), className)}
    disabled={disabled || loading}
    aria-busy={loading || undefined}
    {...props}
  >
    {loading && <Spinner size="sm" label="" />}
    {children}
  </button>
);

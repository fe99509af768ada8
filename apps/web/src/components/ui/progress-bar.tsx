import { cn } from "../../lib/cn.ts";

/**
 * A thin bar showing `value` out of 100 (a goal's progress, a consistency score), announced as a
 * progressbar named `label`; values outside 0–100 are drawn clamped and announced rounded.
 */
export const ProgressBar = ({
  value,
  label,
  className,
  barClassName = "bg-brand-500",
}: {
  value: number;
  label: string;
  className?: string;
  barClassName?: string;
}) => (
  <div
    className={cn("h-2 rounded-full bg-slate-100", className)}
    role="progressbar"
    aria-label={label}
    aria-valuenow={Math.round(value)}
    aria-valuemin={0}
    aria-valuemax={100}
  >
    <div className={cn("h-2 rounded-full", barClassName)} style={{ width: `${Math.min(100, Math.max(0, value))}%` }} />
  </div>
);

import { cn } from "../../lib/cn.ts";

/** A spinner; with a `label` it announces itself to screen readers. */
export const Spinner = ({
  size = "md",
  label = "Loading…",
  className,
}: {
  size?: "sm" | "md" | "lg";
  label?: string;
  className?: string;
}) => {
  const box = { sm: "size-4", md: "size-6", lg: "size-10" }[size];
  return (
    <span
      role={label ? "status" : undefined}
      className={cn("inline-flex items-center gap-2 text-slate-500", className)}
    >
      <svg className={cn(box, "animate-spin")} viewBox="0 0 24 24" fill="none" aria-hidden="true">
        <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="4" />
        <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
      </svg>
      {label && <span className="sr-only">{label}</span>}
    </span>
  );
};

/** A grey placeholder block while content loads. */
export const Skeleton = ({ className }: { className?: string }) => (
  <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-slate-200", className)} />
);

/** A few skeleton lines with one status message for assistive technology. */
export const LoadingBlock = ({ lines = 3, label = "Loading…" }: { lines?: number; label?: string }) => (
  <div role="status" aria-label={label} className="space-y-3 py-2">
    {Array.from({ length: lines }, (_, index) => (
      <Skeleton key={index} className={cn("h-4", index === lines - 1 ? "w-2/3" : "w-full")} />
    ))}
  </div>
);

import { cn } from "../../lib/cn.ts";
import { useTranslation } from "../../lib/i18n/index.ts";

/** A spinner; with a `label` it announces itself to screen readers. */
export const Spinner = ({
  size = "md",
  label,
  className,
}: {
  size?: "sm" | "md" | "lg";
  label?: string;
  className?: string;
}) => {
  const { t } = useTranslation();
  const box = { sm: "size-4", md: "size-6", lg: "size-10" }[size];
  const announced = label ?? t("common.loading");
  return (
    <span
      role={announced ? "status" : undefined}
      className={cn("inline-flex items-center gap-2 text-slate-500", className)}
    >
      <svg className={cn(box, "animate-spin")} viewBox="0 0 24 24" fill="none" aria-hidden="true">
        <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="4" />
        <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
      </svg>
      {announced && <span className="sr-only">{announced}</span>}
    </span>
  );
};

/** A grey placeholder block while content loads. */
export const Skeleton = ({ className }: { className?: string }) => (
  <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-slate-200", className)} />
);

/** A few skeleton lines with one status message for assistive technology. */
export const LoadingBlock = ({ lines = 3, label }: { lines?: number; label?: string }) => {
  const { t } = useTranslation();
  return (
    <div role="status" aria-label={label ?? t("common.loading")} className="space-y-3 py-2">
      {Array.from({ length: lines }, (_, index) => (
        <Skeleton key={index} className={cn("h-4", index === lines - 1 ? "w-2/3" : "w-full")} />
      ))}
    </div>
  );
};

import { useRef, type KeyboardEvent } from "react";

import { cn } from "../../lib/cn.ts";

export type TSegment<T extends string> = { value: T; label: string };

/**
 * A segmented control (a radio group that looks like tabs): arrow keys move the choice,
 * as the ARIA radio-group pattern asks.
 */
export const Segmented = <T extends string>({
  label,
  options,
  value,
  onChange,
  className,
}: {
  label: string;
  options: TSegment<T>[];
  value: T;
  onChange: (value: T) => void;
  className?: string;
}) => {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (event: KeyboardEvent, index: number) => {
    const step =
      event.key === "ArrowRight" || event.key === "ArrowDown"
        ? 1
        : event.key === "ArrowLeft" || event.key === "ArrowUp"
          ? -1
          : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + options.length) % options.length;
    onChange(options[next]!.value);
    refs.current[next]?.focus();
  };
  return (
    <div
      role="radiogroup"
      aria-label={label}
      className={cn("inline-flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1", className)}
    >
      {options.map((option, index) => {
        const checked = option.value === value;
        return (
          // biome-ignore lint/a11y/useSemanticElements: the WAI-ARIA radio group pattern (roving tabindex, arrow keys) on styled buttons
          <button
            key={option.value}
            ref={(element) => {
              refs.current[index] = element;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            onClick={() => onChange(option.value)}
            onKeyDown={(event) => move(event, index)}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium transition-colors",
              checked ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
            )}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
};

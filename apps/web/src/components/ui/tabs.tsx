import { useId, useRef, type KeyboardEvent, type ReactNode } from "react";

import { cn } from "../../lib/cn.ts";

export type TTab<T extends string> = { value: T; label: string; content: ReactNode };

/** Tabs per the ARIA tabs pattern: one tab stop, arrow keys between tabs, panels labelled by their tab. */
export const Tabs = <T extends string>({
  label,
  tabs,
  value,
  onChange,
}: {
  label: string;
  tabs: TTab<T>[];
  value: T;
  onChange: (value: T) => void;
}) => {
  const base = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (event: KeyboardEvent, index: number) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + tabs.length) % tabs.length;
    onChange(tabs[next]!.value);
    refs.current[next]?.focus();
  };
  return (
    <div>
      <div role="tablist" aria-label={label} className="flex gap-1 overflow-x-auto border-b border-slate-200">
        {tabs.map((tab, index) => {
          const selected = tab.value === value;
          return (
            <button
              key={tab.value}
              ref={(element) => {
                refs.current[index] = element;
              }}
              id={`${base}-tab-${tab.value}`}
              role="tab"
              type="button"
              aria-selected={selected}
              aria-controls={`${base}-panel-${tab.value}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => onChange(tab.value)}
              onKeyDown={(event) => move(event, index)}
              className={cn(
                "-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
                selected ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
              )}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) =>
        tab.value === value ? (
          <div
            key={tab.value}
            id={`${base}-panel-${tab.value}`}
            role="tabpanel"
            aria-labelledby={`${base}-tab-${tab.value}`}
            className="pt-5"
          >
            {tab.content}
          </div>
        ) : null,
      )}
    </div>
  );
};

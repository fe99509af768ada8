import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

import { cn } from "../../lib/cn.ts";

const CONTROL =
  "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-500 focus-visible:outline-none aria-[invalid=true]:ring-red-500 disabled:bg-slate-100 disabled:text-slate-500";

export const Input = ({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) => (
  <input className={cn(CONTROL, "h-10", className)} {...props} />
);

export const Textarea = ({ className, rows = 3, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) => (
  <textarea rows={rows} className={cn(CONTROL, "resize-y", className)} {...props} />
);

export const Select = ({ className, children, ...props }: SelectHTMLAttributes<HTMLSelectElement>) => (
  <select className={cn(CONTROL, "h-10 pr-8", className)} {...props}>
    {children}
  </select>
);

/** A checkbox with its own label to the right. */
export const Checkbox = ({ label, className, ...props }: InputHTMLAttributes<HTMLInputElement> & { label: string }) => (
  <label className={cn("inline-flex items-center gap-2 text-sm text-slate-800", className)}>
    <input type="checkbox" className="size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500" {...props} />
    {label}
  </label>
);

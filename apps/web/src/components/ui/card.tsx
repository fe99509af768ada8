import type { HTMLAttributes, ReactNode } from "react";

import { cn } from "../../lib/cn.ts";

// min-w-0: a card in a grid or flex row may shrink to its column; long content wraps inside it.
export const Card = ({ className, ...props }: HTMLAttributes<HTMLElement>) => (
  <section className={cn("min-w-0 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200", className)} {...props} />
);

/** A card's title row: a heading (h2 by default) and optional actions on the right. */
export const CardHeader = ({
  title,
  description,
  actions,
  as: Heading = "h2",
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  as?: "h2" | "h3";
}) => (
  <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
    <div className="min-w-0">
      <Heading className="text-base font-semibold text-slate-900">{title}</Heading>
      {description && <p className="mt-0.5 text-sm text-slate-500">{description}</p>}
    </div>
    {actions && <div className="flex items-center gap-2">{actions}</div>}
  </div>
);

/** A page's title, description and main actions. */
export const PageHeader = ({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) => (
  <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
    <div className="min-w-0">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
    </div>
    {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
  </header>
);

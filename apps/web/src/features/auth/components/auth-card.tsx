import type { ReactNode } from "react";

/** The frame of the signed-out pages: the brand, one card, and a footer link. */
export const AuthCard = ({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) => (
  <main className="flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-12">
    <div className="mb-8 flex items-center gap-2 text-brand-700">
      <span
        className="grid size-9 place-items-center rounded-xl bg-brand-600 text-lg font-bold text-white"
        aria-hidden="true"
      >
        C
      </span>
      <span className="text-xl font-semibold tracking-tight">Cto</span>
    </div>
    <div className="w-full max-w-sm rounded-2xl bg-white p-7 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      <div className="mt-6">{children}</div>
    </div>
    {footer && <p className="mt-6 text-sm text-slate-600">{footer}</p>}
  </main>
);

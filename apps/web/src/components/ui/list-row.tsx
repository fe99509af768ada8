import type { ReactNode } from "react";

/** A row of a divided settings list (keys, passkeys, calendars, sessions): what it is on the left, its buttons on the right. */
export const ListRow = ({ label, children }: { label: string; children: ReactNode }) => (
  <li aria-label={label} className="flex flex-wrap items-center justify-between gap-3 py-2.5 text-sm">
    {children}
  </li>
);

/** The left of a ListRow: the name, `tags` beside it (badges), a line of `details` under it, then `children`. */
export const ListRowText = ({
  name,
  tags,
  details,
  children,
  className,
}: {
  name: ReactNode;
  tags?: ReactNode;
  details: ReactNode;
  children?: ReactNode;
  className?: string;
}) => (
  <span className={className}>
    <span className="font-medium text-slate-900">{name}</span>
    {tags}
    <span className="block text-xs text-slate-500">{details}</span>
    {children}
  </span>
);

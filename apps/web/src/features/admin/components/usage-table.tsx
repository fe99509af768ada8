import type { ReactNode } from "react";

import { cn } from "../../../lib/cn.ts";

export type TUsageColumn<TRow> = {
  header: string;
  cell: (row: TRow) => ReactNode;
  /** Counts, tokens and money: right-aligned, in tabular figures. */
  numeric?: boolean;
};

/**
 * A table of AI usage (the admin's per-model totals, one account's days): a header row, a row per
 * `rows` item and an optional total row; the first column names its row. `compact` fits it in a dialog.
 */
export const UsageTable = <TRow,>({
  caption,
  columns,
  rows,
  rowKey,
  total,
  compact = false,
  className,
}: {
  caption: string;
  columns: TUsageColumn<TRow>[];
  rows: TRow[];
  rowKey: (row: TRow) => string;
  /** The total row, read by the same columns. */
  total?: TRow;
  compact?: boolean;
  className?: string;
}) => {
  const cell = (column: TUsageColumn<TRow>, index: number) =>
    cn(
      compact ? "py-1.5" : "py-2",
      index < columns.length - 1 && (compact ? "pr-3" : "pr-4"),
      column.numeric && "text-right tabular-nums",
    );
  const line = (row: TRow, isTotal: boolean) =>
    columns.map((column, index) =>
      index === 0 ? (
        <th
          key={column.header}
          scope="row"
          className={cn(cell(column, index), !isTotal && "font-medium text-slate-900")}
        >
          {column.cell(row)}
        </th>
      ) : (
        <td key={column.header} className={cell(column, index)}>
          {column.cell(row)}
        </td>
      ),
    );
  return (
    <table className={cn("w-full text-left text-sm", className)}>
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
        <tr>
          {columns.map((column, index) => (
            <th key={column.header} scope="col" className={cn(cell(column, index), "font-medium")}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={rowKey(row)}>{line(row, false)}</tr>
        ))}
      </tbody>
      {total && (
        <tfoot className="border-t border-slate-200 font-semibold text-slate-900">
          <tr>{line(total, true)}</tr>
        </tfoot>
      )}
    </table>
  );
};

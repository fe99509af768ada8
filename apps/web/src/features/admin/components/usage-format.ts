import { formatNumber, formatUsd } from "../../../lib/format.ts";
import { formatLocale } from "../../../lib/i18n/index.ts";

export const formatDollars = formatUsd;
export const formatCount = (value: number) => formatNumber(Math.round(value));

/** A UTC day as the API names it ("2026-12-05"), written the way the active language writes dates. */
export const formatUtcDay = (day: string) => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms)
    ? day
    : new Intl.DateTimeFormat(formatLocale(), {
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: "UTC",
      }).format(ms);
};

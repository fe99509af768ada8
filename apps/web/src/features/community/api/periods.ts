import { formatMonthYear } from "../../../lib/format.ts";
import { i18n } from "../../../lib/i18n/index.ts";

/** Story periods as the API names them: a month ("2026-11") or an ISO week ("2026-W48"). */
const pad = (value: number) => String(value).padStart(2, "0");

export const monthPeriod = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export const isoWeekPeriod = (date: Date) => {
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${pad(week)}`;
};

/**
 * A story period in words, in the app's language: "November 2026" for "2026-11", "Week 48, 2026" for
 * "2026-W48"; anything else as it came.
 */
export const periodLabel = (period: string) => {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return formatMonthYear(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) return i18n.t("community.stories.week", { week: Number(week[2]), year: Number(week[1]) });
  return period;
};

/** The four periods people pick from: this and last week, this and last month. */
export const storyPeriods = (now = new Date()) => {
  const lastWeek = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 7);
  const lastMonth = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return [
    { value: isoWeekPeriod(now), label: "thisWeek" as const },
    { value: isoWeekPeriod(lastWeek), label: "lastWeek" as const },
    { value: monthPeriod(now), label: "thisMonth" as const },
    { value: monthPeriod(lastMonth), label: "lastMonth" as const },
  ];
};

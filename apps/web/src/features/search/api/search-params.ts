import type { TSearchQuery } from "./search.ts";

/** The search page's state, as it sits in the URL (dates as YYYY-MM-DD, so links are readable). */
export type TSearchParams = {
  q?: string;
  scope?: NonNullable<TSearchQuery["scope"]>;
  kinds?: string;
  from?: string;
  to?: string;
  phase?: number;
  goal?: string;
  type?: string;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const text = (value: unknown, max: number) =>
  typeof value === "string" && value.trim() ? value.trim().slice(0, max) : undefined;

export const parseSearchParams = (search: Record<string, unknown>): TSearchParams => {
  const phase = Number(search.phase);
  return {
    q: text(search.q, 1000),
    scope: search.scope === "memory" || search.scope === "knowledge" ? search.scope : undefined,
    kinds: text(search.kinds, 500),
    from: typeof search.from === "string" && DAY.test(search.from) ? search.from : undefined,
    to: typeof search.to === "string" && DAY.test(search.to) ? search.to : undefined,
    phase: Number.isInteger(phase) && phase >= 1 && phase <= 10 ? phase : undefined,
    goal: text(search.goal, 100),
    type: text(search.type, 100),
  };
};

// A local calendar day: `from` is its first instant, `to` the first instant of the next day, so the day itself is included.
const dayStart = (day: string, plusDays = 0) => {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, date + plusDays).getTime();
};

/** The API's query for the page's state: memory filters only apply to memory, knowledge filters to the knowledge base. */
export const toApiQuery = (params: TSearchParams): TSearchQuery => {
  const scope = params.scope ?? "all";
  const memory = scope !== "knowledge";
  const knowledge = scope !== "memory";
  return {
    q: params.q ?? "",
    scope,
    k: 10,
    ...(memory && params.kinds ? { kinds: params.kinds } : {}),
    ...(memory && params.from ? { from: dayStart(params.from) } : {}),
    ...(memory && params.to ? { to: dayStart(params.to, 1) } : {}),
    ...(knowledge && params.phase ? { phase: params.phase } : {}),
    ...(knowledge && params.goal ? { goal: params.goal } : {}),
    ...(knowledge && params.type ? { type: params.type } : {}),
  };
};

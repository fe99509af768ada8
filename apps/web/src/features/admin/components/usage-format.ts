import { formatNumber, formatUsd } from "../../../lib/format.ts";

export const formatDollars = formatUsd;
export const formatCount = (value: number) => formatNumber(Math.round(value));

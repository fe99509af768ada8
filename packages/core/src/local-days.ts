import { isTimezone } from "@cto/contracts/time";

// Days as the user lives them: reports and consistency windows start at the user's local midnight.
// The arithmetic is @cto/kernel's, which @cto/db's seed and @cto/ai share; the user's timezone is read here.
export { addDays, daysBetween, localDay, localMidnight } from "@cto/kernel/local-days";

/** The IANA timezone in the user's preferences, or UTC when it is missing or unknown. */
export const userTimezone = (preferences: unknown) => {
  const timezone = (preferences as { timezone?: unknown } | null)?.timezone;
  return isTimezone(timezone) ? timezone : "UTC";
};

import type { TOccurrence } from "./expand.ts";

/** What one sync found upstream: objects whose occurrences are replaced, objects gone, and the next cursor. */
export type TChanges<TCursor> = {
  changed: Array<{ object: string; occurrences: TOccurrence[] }>;
  removed: string[];
  /** `changed` is every object upstream (a full listing): whatever else was synced before is gone. */
  complete?: boolean;
  cursor: TCursor;
};

/** The day (UTC) the window was last expanded: on a new day, every object is expanded again. */
export const windowDay = (now: Date) => now.toISOString().slice(0, 10);

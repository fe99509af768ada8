import { humanize } from "../format.ts";
import { i18n } from "./index.ts";

// Dynamic keys: which ones exist is only known at run time, so this looks them up untyped.
const translate = i18n.t as unknown as (key: string) => string;

/**
 * A value the API sends as a word (a status, a kind, a priority) in the active language: its message
 * under `group` ("assistant.taskStatus" + "in_progress"), else, for a value the app has no words for
 * (free-text kinds people type), the value itself made readable.
 */
export const enumLabel = (group: string, value: string) => {
  const key = `${group}.${value}`;
  return i18n.exists(key) ? translate(key) : humanize(value);
};

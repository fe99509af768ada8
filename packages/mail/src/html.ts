const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => ENTITIES[char]!);

/** Markup that is already safe (built by `html` itself), so nesting one template in another does not escape it twice. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

type THtmlValue = string | number | SafeHtml | null | undefined | HtmlList;
type HtmlList = readonly THtmlValue[];

const render = (value: THtmlValue): string => {
  if (value === null || value === undefined) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
};

/**
 * A tagged template for email HTML: every interpolated value is escaped (names, titles and anything else
 * a user wrote), except markup made by `html` itself. Inside attributes the same escaping holds, as long
 * as attribute values are quoted, which every template here does.
 */
export const html = (strings: TemplateStringsArray, ...values: THtmlValue[]) =>
  new SafeHtml(
    strings.reduce((out, part, index) => out + part + (index < values.length ? render(values[index]!) : ""), ""),
  );

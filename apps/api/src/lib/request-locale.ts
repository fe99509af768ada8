import type { Context } from "hono";
import { accepts } from "hono/accepts";

import { MAIL_LOCALES, type TMailLocale } from "@cto/mail/templates";

/**
 * The first language of the request's Accept-Language that emails are written in, by weight ("de-AT" reads
 * as German, as the web app reads the browser's languages), or undefined when it names none. Hono parses
 * the header (weights, blanks, malformed entries).
 */
export const requestedMailLocale = (c: Context): TMailLocale | undefined => {
  const chosen = accepts(c, {
    header: "Accept-Language",
    supports: [...MAIL_LOCALES],
    default: "",
    match: (accepted, { supports }) => {
      const ranked = accepted.filter(({ q }) => q > 0).sort((a, b) => b.q - a.q);
      for (const { type } of ranked) {
        const primary = type.toLowerCase().split("-")[0];
        const known = supports.find((locale) => locale === primary);
        if (known) return known;
      }
      return "";
    },
  });
  return MAIL_LOCALES.find((locale) => locale === chosen);
};

import { activeLocale, i18n, isLocale, type TLocale } from "./index.ts";

/**
 * A language's words for the API's messages. The API answers in English (its other clients rely on it);
 * the web shows a known message in the language it shows, and an unknown one as the API wrote it.
 */
export type TApiCatalog = {
  /** Exact English text → translation. */
  messages: Record<string, string>;
  /** English with `{0}`, `{1}` for the values it holds → translation using the same placeholders. */
  patterns: [english: string, translated: string][];
  /** zod's own texts (a schema without a message of its own), by the values they embed. */
  zod: [RegExp, (...values: string[]) => string][];
};

/** A pattern's English as the source scan writes it: every value is `{}`. */
export const templateKey = (template: string) => template.replace(/\{\d+\}/g, "{}");

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const compile = ([english, translated]: [string, string]) => ({
  regex: new RegExp(
    `^${english
      .split(/\{\d+\}/)
      .map(escapeRegExp)
      .join("(.+?)")}$`,
    "s",
  ),
  order: [...english.matchAll(/\{(\d+)\}/g)].map((match) => Number(match[1])),
  translated,
});

type TCompiled = TApiCatalog & { compiled: ReturnType<typeof compile>[] };

// Every language but English is its own chunk, loaded with the language (as its messages are).
const LOADERS: Record<Exclude<TLocale, "en">, () => Promise<TApiCatalog>> = {
  de: () => import("./api-messages.de.ts").then((module) => module.de),
};
const catalogs = new Map<TLocale, TCompiled>();

/** Loads `locale`'s catalog once; called whenever the app switches language. */
export const loadApiMessages = async (locale: TLocale) => {
  if (locale === "en" || catalogs.has(locale)) return;
  const catalog = await LOADERS[locale]();
  catalogs.set(locale, { ...catalog, compiled: catalog.patterns.map(compile) });
};
i18n.on("languageChanged", (language) => {
  if (isLocale(language)) void loadApiMessages(language);
});
void loadApiMessages(activeLocale());

const lookup = (catalog: TCompiled, text: string, depth: number): string | undefined => {
  const exact = catalog.messages[text];
  if (exact) return exact;
  for (const { regex, order, translated } of catalog.compiled) {
    const match = regex.exec(text);
    if (!match) continue;
    // A value that is itself a message ("{0} Try again." around a provider's failure) is translated too.
    const values = order.map((_, position) => {
      const value = match[position + 1]!;
      return (depth < 2 && lookup(catalog, value, depth + 1)) || value;
    });
    return translated.replace(/\{(\d+)\}/g, (_, index: string) => values[order.indexOf(Number(index))] ?? "");
  }
  for (const [regex, translate] of catalog.zod) {
    const match = regex.exec(text);
    if (match) return translate(...match.slice(1));
  }
  return undefined;
};

/**
 * The API's `message` in the language shown: the catalog's words, else the text as it came. English is
 * returned untouched. A field message the web turned into a sentence ("invalid email address" → "Invalid
 * email address.") is found by its sentence too.
 */
export const translateApiMessage = (message: string, locale: TLocale = activeLocale()): string => {
  const catalog = catalogs.get(locale);
  if (!catalog) return message;
  const trimmed = message.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return (
    lookup(catalog, trimmed, 0) ??
    (capital !== trimmed ? lookup(catalog, capital, 0) : undefined) ??
    (/\.$/.test(capital) ? lookup(catalog, capital.slice(0, -1), 0) : undefined) ??
    message
  );
};

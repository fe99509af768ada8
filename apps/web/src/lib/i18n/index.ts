import i18next from "i18next";
import { initReactI18next } from "react-i18next";

import { SUPPORTED_LOCALES, type TLocale } from "@cto/contracts/api/auth";

import { en, type TMessages } from "./locales/en.ts";

export type { TLocale } from "@cto/contracts/api/auth";
export type { TMessages } from "./locales/en.ts";
export { SUPPORTED_LOCALES };
// Components import the hook from here, so the instance below is set up before any of them renders.
export { Trans, useTranslation } from "react-i18next";

export const DEFAULT_LOCALE: TLocale = "en";
const STORAGE_KEY = "cto-locale";

/** Every language but English is its own chunk, fetched the first time someone reads the app in it. */
const LOADERS: Record<Exclude<TLocale, "en">, () => Promise<TMessages>> = {
  de: () => import("./locales/de.ts").then((module) => module.de),
};

export const isLocale = (value: unknown): value is TLocale => SUPPORTED_LOCALES.includes(value as TLocale);

/** `preferences.locale`: the language the person chose, or null to follow the browser. */
export const localeOf = (preferences: unknown): TLocale | null => {
  const locale = (preferences as { locale?: unknown } | null)?.locale;
  return isLocale(locale) ? locale : null;
};

/** The first of the browser's languages the app speaks ("de-AT" reads as German), else English. */
export const browserLocale = (languages: readonly string[] = navigator.languages ?? [navigator.language]): TLocale => {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
};

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...SUPPORTED_LOCALES],
  resources: { en: { translation: en } },
  // React escapes what it renders; escaping here too would show "&amp;" in "People & tasks".
  interpolation: { escapeValue: false },
  // Languages are loaded by applyLocale before they are switched to, so nothing ever suspends.
  react: { useSuspense: false },
  initAsync: false,
});

// English lowercases a noun inside a sentence ("Your {{kind, lowercase}}": "Your goal"); German keeps it capitalised.
i18n.services.formatter?.add("lowercase", (value) => String(value).toLowerCase());

/** The language the app shows now; dates and numbers are formatted in it. */
export const activeLocale = (): TLocale => (isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE);

/**
 * The tag dates and numbers are formatted with: the browser's own variant of the active language when it
 * has one ("en-GB" writes 5 Dec, "de-CH" writes 1’234), else the language itself.
 */
export const formatLocale = (languages: readonly string[] = navigator.languages ?? [navigator.language]) => {
  const locale = activeLocale();
  return languages.find((tag) => tag.toLowerCase().split("-")[0] === locale) ?? locale;
};

/** Shows the app in `locale`: its messages (loaded once), every translated text and `<html lang>`. */
export const applyLocale = async (locale: TLocale) => {
  if (locale !== "en" && !i18n.hasResourceBundle(locale, "translation"))
    i18n.addResourceBundle(locale, "translation", await LOADERS[locale]());
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
};

/**
 * Remembers the account's choice on this device, so the next visit (the sign-in page too) starts in
 * it; null forgets it, and the browser's languages decide again.
 */
export const rememberLocale = (locale: TLocale | null) => {
  try {
    if (locale) window.localStorage.setItem(STORAGE_KEY, locale);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage can be off (private modes); the language still applies for this visit.
  }
};

/** The language to start in before the session is known: this device's last choice, else the browser's. */
export const startingLocale = (): TLocale => {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage off: fall through to the browser's languages.
  }
  return browserLocale();
};

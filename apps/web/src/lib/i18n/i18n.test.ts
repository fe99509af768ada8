import { afterEach, describe, expect, it } from "vitest";

import { formatDate, formatNumber, formatRelative, formatUsd } from "../format.ts";
import {
  activeLocale,
  applyLocale,
  browserLocale,
  formatLocale,
  i18n,
  localeOf,
  rememberLocale,
  SUPPORTED_LOCALES,
  startingLocale,
} from "./index.ts";
import { de } from "./locales/de.ts";
import { en } from "./locales/en.ts";
import { networkError, toApiError } from "../api-error.ts";
import { enumLabel } from "./enum-label.ts";

/** Every message's dotted key with its text, e.g. ["nav.goals", "Goals"]. */
const entries = (messages: object, prefix = ""): [string, string][] =>
  Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : entries(value as object, `${prefix}${key}.`),
  );
// A placeholder's name, without the formatter a language may add to it ("{{kind, lowercase}}" is kind).
const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*(\w+)\s*(?:,[^}]*)?}}/g)].map((match) => match[1]).sort();

afterEach(async () => {
  window.localStorage.clear();
  await applyLocale("en");
});

describe("messages", () => {
  it("has every English key in German, and nothing English lacks", () => {
    const german = new Map(entries(de));
    const missing = entries(en).filter(([key]) => !german.get(key)?.trim());
    expect(missing.map(([key]) => key)).toEqual([]);
    const english = new Set(entries(en).map(([key]) => key));
    expect([...german.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it("keeps the placeholders of each English message in its German one", () => {
    const german = new Map(entries(de));
    for (const [key, text] of entries(en)) expect(placeholders(german.get(key) ?? ""), key).toEqual(placeholders(text));
  });

  it("checks keys at compile time", () => {
    // @ts-expect-error a key English does not have fails typecheck (react-i18next's CustomTypeOptions)
    expect(i18n.t("nav.nowhere")).toBe("nav.nowhere");
    expect(i18n.t("nav.goals")).toBe("Goals");
  });
});

describe("choosing the language", () => {
  it("reads preferences.locale, null when unset or not a language the app speaks", () => {
    expect(localeOf({ locale: "de" })).toBe("de");
    for (const preferences of [{ locale: "fr" }, { locale: null }, {}, null, "de"])
      expect(localeOf(preferences)).toBeNull();
  });

  it("follows the first of the browser's languages it speaks, by the primary subtag", () => {
    expect(browserLocale(["fr-FR", "de-AT", "en"])).toBe("de");
    expect(browserLocale(["EN-gb"])).toBe("en");
    expect(browserLocale(["fr", "ja"])).toBe("en");
    expect(browserLocale([])).toBe("en");
  });

  it("starts in this device's remembered choice, else the browser's; forgetting hands it back", () => {
    rememberLocale("de");
    expect(startingLocale()).toBe("de");
    rememberLocale(null);
    expect(startingLocale()).toBe(browserLocale());
    window.localStorage.setItem("cto-locale", "xx");
    expect(startingLocale()).toBe(browserLocale());
  });

  it("switches every message and <html lang>, loading German on first use", async () => {
    expect(i18n.t("nav.settings")).toBe("Settings");
    await applyLocale("de");
    expect(activeLocale()).toBe("de");
    expect(document.documentElement.lang).toBe("de");
    expect(i18n.t("nav.settings")).toBe("Einstellungen");
    expect(i18n.t("language.saved", { language: "Deutsch" })).toBe("Sprache: Deutsch.");
    await applyLocale("en");
    expect(document.documentElement.lang).toBe("en");
    expect(SUPPORTED_LOCALES).toContain(activeLocale());
  });
});

describe("formatting in the active language", () => {
  const instant = Date.UTC(2026, 11, 5, 12);

  it("writes dates and numbers the way the language does", async () => {
    await applyLocale("en");
    const englishDate = formatDate(instant);
    expect(formatNumber(1234.5, 1)).toBe(
      new Intl.NumberFormat(formatLocale(), { maximumFractionDigits: 1 }).format(1234.5),
    );
    await applyLocale("de");
    expect(formatNumber(1234.5, 1)).toBe(
      new Intl.NumberFormat(formatLocale(), { maximumFractionDigits: 1 }).format(1234.5),
    );
    expect(formatNumber(1234.5, 1)).toMatch(/^1\.234,5$/);
    expect(formatDate(instant)).toMatch(/Dez/);
    expect(formatDate(instant)).not.toBe(englishDate);
    expect(formatUsd(12.5)).toMatch(/12,50\s\$/);
    expect(formatRelative(instant - 2 * 86_400_000, instant)).toBe("vorgestern");
    expect(formatRelative(instant, instant)).toBe("gerade eben");
  });

  it("uses the browser's own variant of the language when it has one", async () => {
    await applyLocale("en");
    expect(formatLocale(["en-GB", "de-DE"])).toBe("en-GB");
    expect(formatLocale(["de-DE"])).toBe("en");
    await applyLocale("de");
    expect(formatLocale(["en-GB", "de-CH"])).toBe("de-CH");
  });

  it("words the app's own error messages and the API's enum values in the active language", async () => {
    await applyLocale("de");
    expect(networkError(new TypeError("fetch failed")).message).toBe(
      "Cto ist nicht erreichbar. Prüfe deine Verbindung und versuch es noch einmal.",
    );
    expect(toApiError(404, "<html>").message).toBe("Das wurde nicht gefunden. Vielleicht wurde es gelöscht.");
    expect(enumLabel("assistant.taskStatus", "in_progress")).toBe("In Arbeit");
    // A free-text kind the app has no words for is shown as the person typed it, made readable.
    expect(enumLabel("assistant.personTypes", "mentor_of_mine")).toBe("Mentor of mine");
    await applyLocale("en");
    expect(toApiError(404, "<html>").message).toBe("This was not found. It may have been deleted.");
    expect(enumLabel("assistant.taskStatus", "in_progress")).toBe("In progress");
  });

  it("names a reply's source by its kind: lowercased inside the English sentence, a capitalised noun in German", async () => {
    const yours = (kind: string) => i18n.t("chat.details.yours", { kind: enumLabel("search.ownerKinds", kind) });
    await applyLocale("en");
    expect(yours("goal")).toBe("Your goal");
    expect(yours("document_chunk")).toBe("Your document chunk");
    await applyLocale("de");
    expect(yours("goal")).toBe("Aus deinen Daten: Ziel");
    await applyLocale("en");
  });

  it("writes costs with a plain $ in British English too (every cost is in US dollars; en-GB would say US$)", async () => {
    Object.defineProperty(navigator, "languages", { value: ["en-GB"], configurable: true });
    try {
      await applyLocale("en");
      expect(formatLocale()).toBe("en-GB");
      expect(formatUsd(0.000084)).toBe("$0.000084");
      expect(formatUsd(1234.5)).toBe("$1,234.50");
    } finally {
      // The own property only shadows the browser's; deleting it gives the browser's list back.
      Reflect.deleteProperty(navigator, "languages");
    }
  });
});

import type { TPreferencesPatch } from "@cto/contracts/api/auth";

/** `preferences.theme`: the person's choice; "system" follows the device. */
export type TTheme = NonNullable<TPreferencesPatch["theme"]>;

const STORAGE_KEY = "cto-theme";
const DARK_QUERY = "(prefers-color-scheme: dark)";

export const isTheme = (value: unknown): value is TTheme => value === "system" || value === "light" || value === "dark";

/** The theme stored in a user's preferences, "system" when none (or an unknown value) is. */
export const themeOf = (preferences: unknown): TTheme => {
  const theme = (preferences as { theme?: unknown } | null)?.theme;
  return isTheme(theme) ? theme : "system";
};

const prefersDark = () => typeof window.matchMedia === "function" && window.matchMedia(DARK_QUERY).matches;

let unfollow: (() => void) | null = null;

/**
 * Shows the page in `theme`: `data-theme` on <html> (the stylesheet's dark palette) and the native
 * controls' colour scheme. "system" follows the device, also when it switches while the page is open.
 * The choice is remembered on this device, so the next visit (signed out too) starts in it.
 */
export const applyTheme = (theme: TTheme) => {
  const root = document.documentElement;
  const resolve = () => {
    root.dataset.theme = theme === "dark" || (theme === "system" && prefersDark()) ? "dark" : "light";
  };
  unfollow?.();
  unfollow = null;
  resolve();
  if (theme === "system" && typeof window.matchMedia === "function") {
    const media = window.matchMedia(DARK_QUERY);
    media.addEventListener("change", resolve);
    unfollow = () => media.removeEventListener("change", resolve);
  }
  try {
    window.localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Storage can be off (private modes); the theme still applies for this visit.
  }
};

/** The theme remembered on this device, for the first paint before the session is known. */
export const rememberedTheme = (): TTheme => {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isTheme(stored) ? stored : "system";
  } catch {
    return "system";
  }
};

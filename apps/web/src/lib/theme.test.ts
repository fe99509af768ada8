import { afterEach, describe, expect, it, vi } from "vitest";

import { applyTheme, rememberedTheme, themeOf } from "./theme.ts";

const mockSystem = (dark: boolean) => {
  const listeners = new Set<() => void>();
  const media = {
    matches: dark,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal("matchMedia", () => media);
  return {
    switchTo: (next: boolean) => {
      media.matches = next;
      for (const listener of listeners) listener();
    },
    listeners,
  };
};

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
  applyTheme("light");
});

describe("theme", () => {
  it("reads preferences.theme, system when it is missing or unknown", () => {
    expect(themeOf({ theme: "dark" })).toBe("dark");
    expect(themeOf({ theme: "light" })).toBe("light");
    for (const preferences of [null, {}, { theme: "blue" }, "dark", { theme: 1 }])
      expect(themeOf(preferences)).toBe("system");
  });

  it("applies light and dark as chosen, whatever the system says, and remembers them", () => {
    mockSystem(true);
    applyTheme("light");
    expect(document.documentElement.dataset.theme).toBe("light");
    applyTheme("dark");
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(rememberedTheme()).toBe("dark");
  });

  it("follows the system for system, also when it switches, and stops following on another choice", () => {
    const system = mockSystem(false);
    applyTheme("system");
    expect(document.documentElement.dataset.theme).toBe("light");
    system.switchTo(true);
    expect(document.documentElement.dataset.theme).toBe("dark");
    applyTheme("light");
    expect(system.listeners.size).toBe(0);
    system.switchTo(true);
    expect(document.documentElement.dataset.theme).toBe("light");
  });
});

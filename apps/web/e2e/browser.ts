import { mkdir } from "node:fs/promises";
import path from "node:path";

import { chromium, type Browser, type Page } from "playwright-core";

import { chromiumLaunchOptions } from "@cto/vitest-config/chromium";

import { WEB_ROOT } from "./stack.ts";

export const ARTIFACTS_DIR = path.join(WEB_ROOT, "e2e", "artifacts");

export const launchBrowser = (): Promise<Browser> => chromium.launch(chromiumLaunchOptions);

/** Saves a full-page screenshot as e2e/artifacts/<name>.png (the CI artifact). */
export const screenshot = async (page: Page, name: string) => {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  // Let transitions and fonts settle so the picture shows what a person sees.
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
};

/** The elements that stick out past the right edge of the viewport, for a failure message that says where. */
export const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const offenders = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        // Inside a scroller of its own (tab strips) is fine: the page itself does not widen.
        return box.width > 0 && box.right > width + 1 && !element.closest("[data-scroll-x], [role=tablist], .sr-only");
      })
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className.toString().split(" ").slice(0, 4).join(".")} "${(element.textContent ?? "").trim().slice(0, 40)}"`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, width, offenders };
  });

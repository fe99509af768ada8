import { chromium, type Browser } from "playwright-core";

import { chromiumLaunchOptions } from "@cto/vitest-config/chromium";

/** One bubble of a rendered chat: "right" is the user's own side, as in every messaging app. */
export type TChatLine = { text: string; side: "left" | "right" };

export const launchChromium = () => chromium.launch(chromiumLaunchOptions);

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

/** A phone-like chat screen: a header, grey bubbles on the left, blue ones on the right, a time stamp under some. */
const chatHtml = (
  lines: TChatLine[],
  { header, dark }: { header?: string; dark?: boolean },
) => `<!doctype html><html><head><style>
  body { margin: 0; width: 390px; background: #fff; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
  header { padding: 14px; text-align: center; font-weight: bold; font-size: 17px; border-bottom: 1px solid #ddd; }
  main { padding: 14px; display: flex; flex-direction: column; gap: 14px; }
  .bubble { max-width: 68%; padding: 9px 13px; border-radius: 18px; font-size: 16px; line-height: 1.3; }
  .left { align-self: flex-start; background: #e9e9eb; color: #111; }
  .right { align-self: flex-end; background: #0a7cff; color: #fff; }
  ${dark ? "body { background: #000; } header { color: #fff; border-color: #333; } .left { background: #262629; color: #f2f2f2; }" : ""}
</style></head><body>${header ? `<header>${escapeHtml(header)}</header>` : ""}<main>${lines.map((line) => `<div class="bubble ${line.side}">${escapeHtml(line.text)}</div>`).join("")}</main></body></html>`;

/** Renders the chat to an image at phone pixel density (2x), as a real screenshot would be. */
export const renderChat = async (
  browser: Browser,
  lines: TChatLine[],
  { format = "png", header, dark = false }: { format?: "png" | "jpeg"; header?: string; dark?: boolean } = {},
) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 200 }, deviceScaleFactor: 2 });
  try {
    await page.setContent(chatHtml(lines, { dark, ...(header ? { header } : {}) }));
    return new Uint8Array(
      await page.screenshot({ fullPage: true, type: format, ...(format === "jpeg" ? { quality: 85 } : {}) }),
    );
  } finally {
    await page.close();
  }
};

/** Lower-case letters and digits only, single-spaced: OCR noise in punctuation and case does not count. */
export const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** Similarity in [0, 1] from the Levenshtein distance of the normalised texts. */
export const similarity = (a: string, b: string) => {
  const [x, y] = [normalise(a), normalise(b)];
  if (!x.length && !y.length) return 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return 1 - previous[y.length]! / Math.max(x.length, y.length);
};

export type { Browser };

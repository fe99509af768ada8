/**
 * Renders the installable app's PNG icons from public/favicon.svg with the Chromium the browser tests
 * use (e2e/browser.ts): `pnpm --filter @cto/web icons`. The PNGs are committed;
 * run this again after changing the SVG. The maskable icon keeps the letter inside the central 80 %
 * that launchers may crop to, on a full-bleed background.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";

import { launchBrowser } from "../e2e/browser.ts";

const PUBLIC = path.join(import.meta.dirname, "..", "public");
const svg = await readFile(path.join(PUBLIC, "favicon.svg"), "utf8");
const plain = (size: number) =>
  `<body style="margin:0">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body>`;
const maskable = (size: number) =>
  `<body style="margin:0;background:#4f46e5;display:grid;place-items:center;width:${size}px;height:${size}px">${svg
    .replace("<svg ", `<svg width="${size * 0.7}" height="${size * 0.7}" `)
    .replace(/<rect [^>]*\/>/, "")}</body>`;
const ICONS = [
  { file: "cto-192.png", size: 192, html: plain(192) },
  { file: "cto-512.png", size: 512, html: plain(512) },
  { file: "cto-maskable-512.png", size: 512, html: maskable(512) },
  { file: "apple-touch-icon.png", size: 180, html: maskable(180) },
];

const browser = await launchBrowser();
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    await page.setContent(icon.html);
    await page.screenshot({ path: path.join(PUBLIC, "icons", icon.file), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}

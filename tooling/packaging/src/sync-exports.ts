// Writes each published package's `publishConfig.exports` from its `exports`: the one edit an export
// added, moved or removed needs besides its source (`pnpm --filter @cto/packaging sync-exports`).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { publishedExports } from "../build.js";
import { packageDir, PUBLISHED_PACKAGES, type Manifest } from "../test/support/published-packages.ts";

for (const pkg of PUBLISHED_PACKAGES) {
  const file = path.join(packageDir(pkg), "package.json");
  const text = readFileSync(file, "utf8");
  const manifest = JSON.parse(text) as Manifest;
  manifest.publishConfig = { ...manifest.publishConfig, exports: publishedExports(manifest.exports) };
  const next = `${JSON.stringify(manifest, null, 2)}\n`;
  if (next === text) continue;
  writeFileSync(file, next);
  console.log(`${pkg.name}: publishConfig.exports written from exports`);
}

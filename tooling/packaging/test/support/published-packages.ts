import { readFileSync } from "node:fs";
import path from "node:path";

import type { PublishedExport, SourceExports } from "../../build.js";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..", "..", "..");

/** The packages Cto publishes, in dependency order (a package comes after those it depends on). */
export const PUBLISHED_PACKAGES = [
  { name: "@cto/kernel", dir: "packages/kernel" },
  { name: "@cto/contracts", dir: "packages/contracts" },
  { name: "@cto/ai", dir: "packages/ai" },
  { name: "@cto/db", dir: "packages/db" },
] as const;

export type PublishedPackage = (typeof PUBLISHED_PACKAGES)[number];

export type Manifest = {
  name: string;
  version: string;
  private?: boolean;
  exports: SourceExports;
  bin?: Record<string, string>;
  files?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  publishConfig?: { exports?: Record<string, PublishedExport>; access?: string };
};

export const packageDir = (pkg: PublishedPackage) => path.join(REPO_ROOT, pkg.dir);

export const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest;

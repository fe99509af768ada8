import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { runOk } from "./commands.ts";

/** The files a tarball holds, relative to its `package/` folder. */
export const tarballFiles = async (tarball: string) => {
  const { stdout } = await runOk("tar", ["-tzf", tarball], { cwd: os.tmpdir() });
  return stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => line.replace(/^package\//, ""));
};

/** Unpacks a tarball into a new temporary folder and returns the package's folder in it. */
export const unpack = async (tarball: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cto-unpacked-"));
  await runOk("tar", ["-xzf", tarball, "-C", dir], { cwd: dir });
  return path.join(dir, "package");
};

/**
 * Every subpath a published `exports` map offers, patterns expanded to the files the tarball holds
 * (`./api/*` → `./api/goals`, …), so each can be imported and type-checked one by one.
 */
export const exportedSubpaths = (exports: Record<string, { import: string }>, files: string[]) =>
  Object.entries(exports).flatMap(([subpath, target]) => {
    if (!subpath.includes("*")) return [subpath];
    const [before = "", after = ""] = target.import.replace(/^\.\//, "").split("*");
    return files
      .filter(
        (file) =>
          file.startsWith(before) &&
          file.endsWith(after) &&
          !file.slice(before.length, -after.length || undefined).includes("/"),
      )
      .map((file) => subpath.replace("*", file.slice(before.length, file.length - after.length)))
      .sort();
  });

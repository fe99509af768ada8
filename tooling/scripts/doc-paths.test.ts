import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");

// The documents a reader follows to a file: every README, docs/, and the Prisma schema's comments.
const documents = (): string[] => {
  const readmes = ["apps", "packages", "tooling"].flatMap((group) =>
    readdirSync(path.join(root, group))
      .map((name) => path.join(group, name, "README.md"))
      .filter((file) => existsSync(path.join(root, file))),
  );
  const docs = readdirSync(path.join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.join("docs", name));
  const schema = readdirSync(path.join(root, "prisma/schema")).map((name) => path.join("prisma/schema", name));
  return ["README.md", ...readmes, ...docs, ...schema];
};

// A path from the repository's root, or (in an app's or package's README) from that folder. Placeholders
// (`<queue>`), globs, examples (`src/a/b.ts`) and what builds and tests write (not in a checkout) are not
// files to look for; `@prisma/…` is a package name.
const ROOTED = /(?<![\w./@-])((?:apps|packages|prisma|tooling|docs)\/[\w.@/<>*-]*[\w*>])/g;
const LOCAL = /`((?:src|test|e2e|scripts|bin|server)\/[\w.@/<>*-]*[\w*>])`/g;
const NOT_A_FILE = /[<>*]|(^|\/)(dist|generated|node_modules|artifacts|\.data|\.cache)(\/|$)|src\/a\/b\.ts$/;

const missingPaths = () => {
  const missing: string[] = [];
  for (const document of documents()) {
    const text = readFileSync(path.join(root, document), "utf8");
    const folder = path.dirname(document);
    const named = [
      ...[...text.matchAll(ROOTED)].map((match) => match[1]!),
      ...(folder === "." ? [] : [...text.matchAll(LOCAL)].map((match) => path.join(folder, match[1]!))),
    ];
    for (const name of new Set(named))
      if (!NOT_A_FILE.test(name) && !existsSync(path.join(root, name))) missing.push(`${name} (in ${document})`);
  }
  return missing;
};

describe("the documentation", () => {
  it("names only files and folders that exist", () => {
    expect(missingPaths()).toEqual([]);
  });
});

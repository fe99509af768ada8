import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { pnpm } from "./commands.ts";

const installedVersion = (name: string) =>
  (
    JSON.parse(
      readFileSync(path.join(import.meta.dirname, "..", "..", "node_modules", name, "package.json"), "utf8"),
    ) as { version: string }
  ).version;

/** The version the workspace installed for one of @cto/db's optional peers. */
const dbPeerVersion = (name: string) =>
  (
    JSON.parse(
      readFileSync(
        path.join(import.meta.dirname, "..", "..", "..", "..", "packages", "db", "node_modules", name, "package.json"),
        "utf8",
      ),
    ) as { version: string }
  ).version;

/**
 * The environment a scratch project's commands run in: this process's, without the npm_* and pnpm
 * settings that `pnpm run` passes to scripts, so the workspace's configuration does not leak in.
 */
export const outsideEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_|PNPM_)/i.test(key))),
  ...extra,
});

/**
 * A new Node.js ESM project in the system's temporary folder, outside the workspace, with the given
 * dependencies installed by pnpm (from its store when it can) and TypeScript, Node's types, vitest and
 * Auth.js at the workspace's versions (vitest: the optional peer of `@cto/db/testing`; `@auth/core` and
 * `@auth/prisma-adapter`: those of `@cto/db/auth-adapter`).
 */
export const createScratchProject = async ({
  dependencies,
  overrides = {},
  npmrc = "",
}: {
  dependencies: Record<string, string>;
  overrides?: Record<string, string>;
  npmrc?: string;
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cto-consumer-"));
  const manifest = {
    name: "cto-consumer",
    private: true,
    type: "module",
    dependencies: {
      ...dependencies,
      typescript: installedVersion("typescript"),
      "@types/node": installedVersion("@types/node"),
      vitest: installedVersion("vitest"),
      "@auth/core": dbPeerVersion("@auth/core"),
      "@auth/prisma-adapter": dbPeerVersion("@auth/prisma-adapter"),
    },
    pnpm: { overrides },
  };
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(path.join(dir, ".npmrc"), npmrc);
  await pnpm(["install", "--prefer-offline", "--reporter=append-only"], {
    cwd: dir,
    env: outsideEnv(),
    timeoutMs: 600_000,
  });
  return dir;
};

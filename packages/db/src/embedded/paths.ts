import { existsSync } from "node:fs";
import path from "node:path";

/** The monorepo root (the folder with pnpm-workspace.yaml) above `from`, or `from` itself outside one. */
export const findWorkspaceRoot = (from = process.cwd()): string => {
  let dir = path.resolve(from);
  while (true) {
    if (existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(from);
    dir = parent;
  }
};

/** Where Cto keeps local files (embedded database, development key): CTO_DATA_DIR, else `.data/` at the workspace root. */
// biome-ignore lint/style/noProcessEnv: a library default for tools without an env.ts (seed, CLIs, the embedded server)
export const defaultDataDir = (env: NodeJS.ProcessEnv = process.env): string =>
  env.CTO_DATA_DIR ? path.resolve(env.CTO_DATA_DIR) : path.join(findWorkspaceRoot(), ".data");

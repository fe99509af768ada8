import type { UserConfig } from "tsdown";

/**
 * A published package's `exports` in the workspace: each subpath names its TypeScript source under
 * `src/` (`"./client": "./src/client.ts"`), or a pattern (`"./api/*": "./src/api/*.ts"`).
 */
export type SourceExports = Record<string, string>;
export type PublishedExport = { types: string; import: string };

export declare const SOURCE_DIR: "src";
export declare const OUT_DIR: "dist";

export declare const isTestHelper: (file: string) => boolean;
export declare const buildEntries: (packageDir: string, exports: SourceExports) => Record<string, string>;
export declare const publishedExports: (exports: SourceExports) => Record<string, PublishedExport>;

export type LibraryBuildOptions = {
  /** The package's folder: its tsdown.config.ts passes `import.meta.dirname`. */
  packageDir: string;
  /** Source files built beside the exports, such as the modules a package's bin scripts run. */
  extraEntries?: string[];
  /** Files copied into `dist/` as they are (data read at run time). */
  copy?: UserConfig["copy"];
  /** Built only to run the apps (tooling/deploy): no type declarations, no test helpers. */
  runtimeOnly?: boolean;
};
export declare const libraryBuild: (options: LibraryBuildOptions) => UserConfig;

export type AppBuildOptions = {
  /** The app's folder: its tsdown.config.ts passes `import.meta.dirname`. */
  packageDir: string;
  /** Output name (under outDir, no extension) → source file, relative to the app's folder. */
  entry: Record<string, string>;
  /** Where the build goes, relative to the app's folder (default `dist`); emptied first. */
  outDir?: string;
};
export declare const appBuild: (options: AppBuildOptions) => UserConfig;

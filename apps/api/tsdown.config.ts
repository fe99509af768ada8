import { appBuild } from "@cto/packaging/build";

export default appBuild({ packageDir: import.meta.dirname, entry: { index: "src/index.ts" } });

import { appBuild } from "@cto/packaging/build";

// The production server; `vite build` puts the SPA beside it in dist/client.
export default appBuild({ packageDir: import.meta.dirname, entry: { main: "server/main.ts" }, outDir: "dist/server" });

import { libraryBuild } from "@cto/packaging/build";

// Built for the apps' production start only (tooling/deploy); the workspace imports the source.
export default libraryBuild({ packageDir: import.meta.dirname, runtimeOnly: true });

import { appBuild } from "@cto/packaging/build";

export default appBuild({
  packageDir: import.meta.dirname,
  // The process, and the operator's command that re-embeds everything (`embeddings:reindex`).
  entry: { index: "src/index.ts", "embeddings-reindex": "src/services/embeddings/reindex-command.ts" },
});

import { appBuild } from "@cto/packaging/build";

export default appBuild({
  packageDir: import.meta.dirname,
  // The process, the thread that reads an uploaded PDF or Word file (`parseDocument` starts it from
  // `reader-thread.js` beside the bundle), and the operator's command that re-embeds everything.
  entry: {
    index: "src/index.ts",
    "reader-thread": "src/services/documents/reader-thread.ts",
    "embeddings-reindex": "src/services/embeddings/reindex-command.ts",
  },
});

import { libraryBuild } from "@cto/packaging/build";

export default libraryBuild({
  packageDir: import.meta.dirname,
  // What bin/ runs: the Prisma CLI wrapper, the embedded server and the seed `prisma db seed` starts.
  extraEntries: ["src/cli/prisma.ts", "src/cli/embedded-db.ts", "src/seed/cli.ts"],
  copy: [
    { from: "src/knowledge/starter-knowledge.json", to: "dist/knowledge" },
    // The schema and migrations, so `cto-prisma migrate deploy` works from the published package.
    { from: "../../prisma/schema", to: "dist/prisma" },
    { from: "../../prisma/migrations", to: "dist/prisma" },
  ],
});

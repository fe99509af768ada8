import { libraryBuild } from "@cto/packaging/build";

export default libraryBuild({ packageDir: import.meta.dirname });

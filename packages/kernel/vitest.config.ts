import { baseConfig } from "@cto/vitest-config";

export default baseConfig;

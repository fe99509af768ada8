// Writes the typed client's types from the API's OpenAPI document: `pnpm --filter @cto/api openapi:generate`.
// The API tests fail when the committed file differs from what this would write, so it cannot drift.
import { writeFile } from "node:fs/promises";

import { OPENAPI_TYPES_PATH, renderOpenApiTypes } from "../src/openapi-types.ts";

await writeFile(OPENAPI_TYPES_PATH, await renderOpenApiTypes());
console.log(`openapi: wrote ${OPENAPI_TYPES_PATH}`);

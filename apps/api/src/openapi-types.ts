import path from "node:path";

import openapiTS, { astToString } from "openapi-typescript";

import { buildOpenApiDocument } from "./openapi-document.ts";

/** Shipped in @cto/contracts, so the web app and API consumers get a typed client (openapi-fetch). */
export const OPENAPI_TYPES_PATH = path.join(
  import.meta.dirname,
  "..",
  "..",
  "..",
  "packages",
  "contracts",
  "src",
  "api",
  "openapi.ts",
);

const HEADER =
  "// Generated from the Cto API's OpenAPI document by `pnpm --filter @cto/api openapi:generate`. Do not edit.\n\n";

export const renderOpenApiTypes = async () =>
  HEADER + astToString(await openapiTS(JSON.parse(JSON.stringify(buildOpenApiDocument()))));

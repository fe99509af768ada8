import type { Db } from "@cto/db/client";

import { createApp, OPENAPI_DOCUMENT } from "./app.ts";

/**
 * The OpenAPI 3.1 document, built from the route definitions without a database (the routes only
 * touch the database when they serve a request): for the typed client's generator and the linter.
 */
export const buildOpenApiDocument = () =>
  createApp({ db: null as unknown as Db }).getOpenAPI31Document(OPENAPI_DOCUMENT);

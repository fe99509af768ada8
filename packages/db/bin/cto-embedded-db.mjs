#!/usr/bin/env node
// Serves the embedded PostgreSQL (PGlite + pgvector) on localhost until interrupted.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/embedded-db.ts");

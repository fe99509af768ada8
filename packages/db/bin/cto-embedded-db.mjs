#!/usr/bin/env node
// Serves the embedded PostgreSQL (PGlite + pgvector) on localhost until interrupted.
import { runModule } from "./run-module.mjs";

await runModule("cli/embedded-db");

#!/usr/bin/env node
// The Prisma CLI, offline: runs it with Cto's WASM schema engine (see src/schema-engine).
import { runModule } from "./run-module.mjs";

await runModule("cli/prisma");

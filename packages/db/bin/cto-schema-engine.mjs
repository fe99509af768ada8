#!/usr/bin/env node
// Prisma CLI's schema engine, built on @prisma/schema-engine-wasm: point PRISMA_SCHEMA_ENGINE_BINARY here.
import { runModule } from "./run-module.mjs";

const { runSchemaEngine } = await runModule("schema-engine/main");
process.exitCode = await runSchemaEngine(process.argv.slice(2));

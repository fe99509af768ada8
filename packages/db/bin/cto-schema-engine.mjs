#!/usr/bin/env node
// Prisma CLI's schema engine, built on @prisma/schema-engine-wasm: point PRISMA_SCHEMA_ENGINE_BINARY here.
import { register } from "tsx/esm/api";

register();
const { runSchemaEngine } = await import("../src/schema-engine/main.ts");
process.exitCode = await runSchemaEngine(process.argv.slice(2));

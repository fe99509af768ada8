#!/usr/bin/env node
// The Prisma CLI, offline: runs it with Cto's WASM schema engine (see src/schema-engine).
import { register } from "tsx/esm/api";

register();
await import("../src/cli/prisma.ts");

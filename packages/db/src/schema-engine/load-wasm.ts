import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

export type WasmSchemaEngine = bindings.SchemaEngine;
export const WasmSchemaEngineClass = bindings.SchemaEngine;

type PanicRegistry = { set_message: (message: string) => void; message?: string };

declare global {
  // The WASM glue reports Rust panics through this global; without it a panic crashes the glue itself.
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry | undefined;
}

// Node's WebAssembly global, typed narrowly: the DOM lib that declares it is not loaded for server code.
type WasmInstance = { exports: Record<string, unknown> };
type WasmApi = {
  compile: (bytes: Uint8Array) => Promise<object>;
  instantiate: (module: object, imports: Record<string, unknown>) => Promise<WasmInstance>;
};
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let loaded: Promise<void> | undefined;

/** The last panic message the engine reported, so a crash can be answered with its reason. */
export const lastPanicMessage = (): string | undefined => globalThis.PRISMA_WASM_PANIC_REGISTRY?.message;

/**
 * The package's entry imports the `.wasm` file as an ES module, which Node cannot do,
 * so the module is compiled and wired to its JS glue by hand (once per process).
 */
export const loadSchemaEngineWasm = (): Promise<void> => {
  loaded ??= (async () => {
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        this.message = message;
      },
    };
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(path.dirname(gluePath), "schema_engine_bg.wasm");
    const module = await wasmApi.compile(await readFile(wasmPath));
    const instance = await wasmApi.instantiate(module, { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  })();
  return loaded;
};

export const wasmEngineVersion = (): string => bindings.version();

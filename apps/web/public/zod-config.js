// Runs before any module of the app (a classic script; module scripts are deferred). The pages'
// Content-Security-Policy refuses eval (server/content-security-policy.ts), so zod checks its schemas
// without compiling code (`jitless`) instead of probing eval when the first schema is defined. zod keeps
// what `z.config()` sets in this global; `z.config()` in a module would run only after the chunks it
// depends on had defined their schemas. The e2e suite fails on any violation, this probe included.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });

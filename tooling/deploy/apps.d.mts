// Types of apps.mjs for TypeScript importers outside this package (the API's benchmarks).
export declare const ROOT: string;
export declare const API_HEAP_FLAGS: string[];
export declare const APPS: Record<"api" | "worker" | "web", { package: string; start: string[] }>;
export declare const MIGRATE: string[];

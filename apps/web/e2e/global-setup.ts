import { build } from "vite";

import { WEB_ROOT } from "./stack.ts";

/** Builds the web app once per e2e run; every e2e file serves this `dist/` with `vite preview`. */
export default async function setup() {
  // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build; test what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ root: WEB_ROOT, mode: "production", logLevel: "warn" });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

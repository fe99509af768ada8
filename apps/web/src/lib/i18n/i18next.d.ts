import "i18next";

import type { en } from "./locales/en.ts";

// Every t() key is checked against the English messages: a key that does not exist fails typecheck.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}

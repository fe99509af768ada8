import { PROVIDER_REFUSALS, type TProviderRefusal } from "@cto/contracts/api/oauth";

import { i18n } from "./i18n/index.ts";

// The API sends back a reason, never text: a message in a URL is one anyone could write. The words for each
// reason are messages (`providerRefusals.<reason>`) in the language shown.
const message = (reason: TProviderRefusal) => i18n.t(`providerRefusals.${reason}`);

/** What to tell the person a provider's sign-in or link was refused for (`?provider_error=`), or null. */
export const providerRefusalMessage = (reason: unknown): string | null =>
  typeof reason === "string" && (PROVIDER_REFUSALS as readonly string[]).includes(reason)
    ? message(reason as TProviderRefusal)
    : typeof reason === "string" && reason
      ? message("failed")
      : null;

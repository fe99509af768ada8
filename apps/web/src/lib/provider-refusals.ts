import { PROVIDER_REFUSALS, type TProviderRefusal } from "@cto/contracts/api/oauth";

// The API sends back a reason, never text: a message in a URL is one anyone could write.
const MESSAGES: Record<TProviderRefusal, string> = {
  restart: "That sign-in took too long or was started in another browser. Start it again.",
  cancelled: "You did not sign in at the provider, so nothing changed.",
  failed: "The provider did not confirm that sign-in. Start it again.",
  unverified:
    "Your provider did not confirm an email address, so Cto cannot make or find an account with it. Sign in another way, then link the provider in Settings.",
  taken: "That provider account already signs in to another Cto account.",
  disabled: "This account has been disabled by an administrator.",
  signed_out: "Sign in again to link this provider.",
  unavailable: "The provider cannot be reached right now. Try again later.",
};

/** What to tell the person a provider's sign-in or link was refused for (`?provider_error=`), or null. */
export const providerRefusalMessage = (reason: unknown): string | null =>
  typeof reason === "string" && (PROVIDER_REFUSALS as readonly string[]).includes(reason)
    ? MESSAGES[reason as TProviderRefusal]
    : typeof reason === "string" && reason
      ? MESSAGES.failed
      : null;

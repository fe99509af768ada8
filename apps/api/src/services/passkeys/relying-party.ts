/** Who the passkeys are for: the web app's origin, from the server's configuration, never from a request. */
export type TRelyingParty = { id: string; origin: string; name: string };

/**
 * The relying party of WEB_ORIGIN: its host name is the RP ID (a browser refuses an IP address there,
 * so passkeys need the web app served under a name, e.g. http://localhost:5173 in development).
 */
export const relyingPartyOf = (webOrigin: string): TRelyingParty => {
  const url = new URL(webOrigin);
  return { id: url.hostname, origin: url.origin, name: "Cto" };
};

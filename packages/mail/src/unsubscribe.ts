import { createHash, randomBytes } from "node:crypto";

/**
 * One-click unsubscribe (RFC 8058) for the emails a user can turn off. The token names its list before a
 * dot and carries 256 random bits; only its SHA-256 hash is stored (on the email's mail_messages row), so
 * the list cannot be changed without the hash changing too, and a stolen database yields no usable link.
 */
export const UNSUBSCRIBE_LISTS = ["nudges"] as const;
export type TUnsubscribeList = (typeof UNSUBSCRIBE_LISTS)[number];

export const hashUnsubscribeToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export const newUnsubscribeToken = (list: TUnsubscribeList) => {
  const token = `${list}.${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashUnsubscribeToken(token) };
};

/** The list a token claims to be for (checked by its hash being stored), or null for anything malformed. */
export const unsubscribeListOf = (token: string): TUnsubscribeList | null => {
  const match = /^([a-z]+)\.[A-Za-z0-9_-]{43}$/.exec(token);
  return UNSUBSCRIBE_LISTS.find((list) => list === match?.[1]) ?? null;
};

/**
 * The confirmation page (a GET only shows it: mail scanners follow links) and the one-click address the
 * mail client POSTs `List-Unsubscribe=One-Click` to, the API behind the web origin's /api.
 */
export const unsubscribeLinks = (webOrigin: string, token: string) => {
  const origin = webOrigin.replace(/\/+$/, "");
  const query = `token=${encodeURIComponent(token)}`;
  return { page: `${origin}/unsubscribe?${query}`, oneClick: `${origin}/api/unsubscribe?${query}` };
};

/** RFC 2369 and RFC 8058 headers: mail clients show their own "Unsubscribe" and POST to the link. */
export const unsubscribeHeaders = (oneClickLink: string): Record<string, string> => ({
  "List-Unsubscribe": `<${oneClickLink}>`,
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
});

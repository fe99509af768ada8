import ipaddr from "ipaddr.js";

import type { Db } from "@cto/db/client";
import { mailLocaleOf, type TMailLocale } from "@cto/mail/templates";

import { isTrustedBrowser, type TAuthLimiters } from "./auth-limits.ts";
import type { TPostman } from "./mailer.ts";

/** The network an address belongs to, as far as "the same place" goes: its /24 (IPv4) or /48 (IPv6). */
export const networkOf = (address: string | null | undefined) => {
  if (!address) return "unknown";
  if (!ipaddr.isValid(address)) return address.slice(0, 100);
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.kind() === "ipv4") return `${parsed.toByteArray().slice(0, 3).join(".")}.0/24`;
  return `${(parsed as ipaddr.IPv6).parts
    .slice(0, 3)
    .map((part) => part.toString(16))
    .join(":")}::/48`;
};

/**
 * Whether a sign-in comes from a device this account has not used: neither a browser that signed in to
 * it before (the device cookie) nor a browser (user agent) on a network (/24, /48) of one of its sessions.
 * Asked before the new session is written, so it never matches itself.
 */
export const isNewDevice = async ({
  db,
  limiters,
  user,
  browserToken,
  ipAddress,
  userAgent,
}: {
  db: Db;
  limiters: TAuthLimiters;
  user: { id: string; email: string };
  browserToken: string | undefined;
  ipAddress: string | undefined;
  userAgent: string | undefined;
}) => {
  if (await isTrustedBrowser(limiters, user.email, browserToken)) return false;
  const sessions = await db.session.findMany({
    where: { userId: user.id, userAgent: userAgent?.slice(0, 512) ?? null },
    select: { ipAddress: true },
    take: 100,
  });
  const network = networkOf(ipAddress);
  return !sessions.some((session) => networkOf(session.ipAddress) === network);
};

/** Tells the user about a sign-in from a new device, through the mailer (written first, sent by the mail queue). */
export const sendNewDeviceEmail = ({
  postman,
  webOrigin,
  user,
  ipAddress,
  userAgent,
  requestedLocale,
  at = new Date(),
}: {
  postman: TPostman;
  /** The language the signing-in browser asks for: the email's, unless the account chose one. */
  requestedLocale?: TMailLocale;
  webOrigin: string;
  /** `preferences` picks the email's language (the app's). */
  user: { id: string; email: string; name: string | null; preferences?: unknown };
  ipAddress: string | undefined;
  userAgent: string | undefined;
  at?: Date;
}) =>
  postman.post({
    userId: user.id,
    to: user.email,
    template: {
      kind: "NEW_SIGN_IN",
      locale: mailLocaleOf(user.preferences, requestedLocale),
      name: user.name,
      device: userAgent?.slice(0, 200) || null,
      ipAddress: ipAddress ?? null,
      at: `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`,
      sessionsLink: `${webOrigin}/settings#security`,
    },
  });

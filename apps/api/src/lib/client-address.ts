import ipaddr from "ipaddr.js";
import proxyAddr from "proxy-addr";
import { z } from "zod";

/**
 * Which proxies in front of the API are believed about the client's address (TRUST_PROXY): none
 * (the socket's peer is the client), a number of hops, or the proxies' addresses and CIDR ranges
 * (proxy-addr's names `loopback`, `linklocal` and `uniquelocal` included). Express's `trust proxy`
 * rules, through the same library; "trust every hop" is refused, since then any client picks its
 * own address with one header.
 */
export type TTrustProxy = { hops: number } | { proxies: string[] };

export const TRUST_NO_PROXY: TTrustProxy = { hops: 0 };

const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

const isRange = (entry: string) => {
  if (NAMED_RANGES.has(entry)) return true;
  try {
    if (entry.includes("/")) ipaddr.parseCIDR(entry);
    else ipaddr.parse(entry);
    return true;
  } catch {
    return false;
  }
};

/** TRUST_PROXY as text: empty, `false` or `0` (no proxy), a hop count, or comma-separated addresses and ranges. */
export const ZTrustProxySchema = z
  .string()
  .trim()
  .optional()
  .transform((value, context): TTrustProxy => {
    if (!value || value === "false") return TRUST_NO_PROXY;
    if (/^\d{1,2}$/.test(value)) return { hops: Number(value) };
    if (value === "true" || value === "*") {
      context.addIssue({
        code: "custom",
        message: "trusting every hop lets any client choose its address; give a hop count or the proxies' addresses",
      });
      return z.NEVER;
    }
    const proxies = value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    const wrong = proxies.filter((entry) => !isRange(entry));
    if (wrong.length) {
      context.addIssue({
        code: "custom",
        message: `not a hop count, an IP address, a CIDR range or loopback/linklocal/uniquelocal: ${wrong.join(", ")}`,
      });
      return z.NEVER;
    }
    return { proxies };
  });

export type TClientAddressOf = (request: {
  socketAddress: string | undefined;
  forwardedFor: string | undefined;
}) => string | undefined;

/**
 * The client's address: the socket's peer, or, through trusted proxies only, the X-Forwarded-For
 * entry right of which every hop is trusted (walked from the right, as proxy-addr does).
 */
export const clientAddressResolver = (trust: TTrustProxy): TClientAddressOf => {
  const isTrusted =
    "hops" in trust ? (_address: string, index: number) => index < trust.hops : proxyAddr.compile(trust.proxies);
  return ({ socketAddress, forwardedFor }) => {
    if (!socketAddress) return undefined;
    // Nearest hop first: the socket's peer, then X-Forwarded-For from its right end.
    const chain = [
      socketAddress,
      ...(forwardedFor ?? "")
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean)
        .reverse(),
    ];
    const untrusted = chain.findIndex((address, index) => index === chain.length - 1 || !isTrusted(address, index));
    return chain[untrusted];
  };
};

/**
 * The key an address is limited under: an IPv4 address (also when IPv4-mapped) as it is, an IPv6
 * address by its /64, since one subscriber is routinely given a whole /64 to rotate through.
 */
export const addressLimitKey = (address: string) => {
  if (!ipaddr.isValid(address)) return address.slice(0, 100);
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  return `${v6.parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(":")}::/64`;
};

/** The socket's peer as @hono/node-server hands it over (`c.env.incoming`); undefined elsewhere. */
export const socketAddressOf = (env: unknown) =>
  (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;

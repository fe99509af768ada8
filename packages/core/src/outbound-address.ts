import { lookup } from "node:dns/promises";

import ipaddr from "ipaddr.js";

/**
 * A destination a server-side fetch must not reach: loopback, private, link-local (cloud metadata),
 * carrier-grade NAT and other non-public ranges, so a URL a user typed cannot probe this machine or
 * its network.
 */
export class PrivateAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(
      host === address
        ? `${address} is not a public internet address (${range})`
        : `${host} resolves to ${address}, which is not a public internet address (${range})`,
    );
    this.name = "PrivateAddressError";
  }
}

/** A host name the resolver does not know (or could not answer for). */
export class UnresolvableHostError extends Error {
  constructor(
    readonly host: string,
    readonly code: string,
  ) {
    super(`${host} could not be resolved (${code})`);
    this.name = "UnresolvableHostError";
  }
}

// Non-public ranges ipaddr.js 1.9 files under "unicast".
const MORE_NON_PUBLIC: Array<[string, [ipaddr.IPv4 | ipaddr.IPv6, number]]> = [
  ["benchmarking", ipaddr.parseCIDR("198.18.0.0/15")],
  ["ipv4Compatible", ipaddr.parseCIDR("::/96")],
  ["siteLocal", ipaddr.parseCIDR("fec0::/10")],
  ["discardOnly", ipaddr.parseCIDR("100::/64")],
];

/**
 * The range an address falls in when it is not public (`loopback`, `private`, `linkLocal`,
 * `uniqueLocal`, `carrierGradeNat`, ...), or null for a public unicast address. An IPv4-mapped IPv6
 * address is judged as its IPv4 address; NAT64, 6to4 and Teredo addresses, which embed an IPv4
 * address, are refused whole. Anything that is not an IP address is "invalid".
 */
export const nonPublicRangeOf = (address: string): string | null => {
  if (!ipaddr.isValid(address)) return "invalid";
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range !== "unicast") return range;
  for (const [name, [network, bits]] of MORE_NON_PUBLIC)
    if (network.kind() === parsed.kind() && (parsed as ipaddr.IPv4).match(network as ipaddr.IPv4, bits)) return name;
  return null;
};

export type TCheckedAddress = { address: string; family: 4 | 6 };

/** The host of a URL without IPv6 brackets (`[::1]` → `::1`). */
export const bareHost = (hostname: string) =>
  hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;

/**
 * Resolves a host (a name or an IP literal) to every address it has and checks each one: a single
 * non-public address refuses the host (PrivateAddressError), since the connection could land on any
 * of them. With `allowPrivate` (a self-hoster whose server is on their own network), nothing is
 * refused. Connect to the addresses returned, not to the name again: a second lookup could answer
 * differently (DNS rebinding).
 */
export const resolvePublicHost = async (
  hostname: string,
  { allowPrivate = false }: { allowPrivate?: boolean } = {},
): Promise<TCheckedAddress[]> => {
  const host = bareHost(hostname);
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch (error) {
    throw new UnresolvableHostError(host, String((error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
  if (addresses.length === 0) throw new UnresolvableHostError(host, "no addresses");
  if (!allowPrivate)
    for (const { address } of addresses) {
      const range = nonPublicRangeOf(address);
      if (range) throw new PrivateAddressError(host, address, range);
    }
  return addresses.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

import { lookup } from "node:dns/promises";

import ipaddr from "ipaddr.js";
import { z } from "zod";

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

/** Which non-public addresses may be reached anyway: none (false), all (true), or those in these networks (CIDRs or addresses). */
export type TPrivateNetworks = boolean | readonly string[];

const asNetwork = (entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] => {
  if (entry.includes("/")) return ipaddr.parseCIDR(entry);
  const address = ipaddr.parse(entry);
  return [address, address.kind() === "ipv4" ? 32 : 128];
};

const inNetworks = (address: string, networks: readonly string[]) => {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return networks.some((entry) => {
    const [network, bits] = asNetwork(entry);
    return network.kind() === parsed.kind() && (parsed as ipaddr.IPv4).match(network as ipaddr.IPv4, bits);
  });
};

/**
 * An env setting for TPrivateNetworks: "false" (or unset), "true", or a comma-separated list of
 * networks (`192.168.1.0/24,fd00::/8`) or addresses, each checked to parse.
 */
export const ZPrivateNetworksSchema = z
  .string()
  .default("false")
  .transform((value, context): TPrivateNetworks => {
    const trimmed = value.trim();
    if (trimmed === "" || trimmed === "false") return false;
    if (trimmed === "true") return true;
    const entries = trimmed
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    for (const entry of entries)
      try {
        asNetwork(entry);
      } catch {
        context.addIssue({ code: "custom", message: `"true", "false", or networks like 192.168.1.0/24: not ${entry}` });
        return z.NEVER;
      }
    return entries;
  });

/** The host of a URL without IPv6 brackets (`[::1]` → `::1`). */
export const bareHost = (hostname: string) =>
  hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;

/**
 * Resolves a host (a name or an IP literal) to every address it has and checks each one: a single
 * non-public address refuses the host (PrivateAddressError), since the connection could land on any
 * of them. `allowPrivate` (a self-hoster whose server is on their own network) lets every address
 * through (true), or those in the networks it lists. Connect to the addresses returned, not to the name again: a second lookup could answer
 * differently (DNS rebinding).
 */
export const resolvePublicHost = async (
  hostname: string,
  { allowPrivate = false }: { allowPrivate?: TPrivateNetworks } = {},
): Promise<TCheckedAddress[]> => {
  const host = bareHost(hostname);
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch (error) {
    throw new UnresolvableHostError(host, String((error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
  if (addresses.length === 0) throw new UnresolvableHostError(host, "no addresses");
  if (allowPrivate !== true)
    for (const { address } of addresses) {
      const range = nonPublicRangeOf(address);
      if (range && !(range !== "invalid" && allowPrivate && inNetworks(address, allowPrivate)))
        throw new PrivateAddressError(host, address, range);
    }
  return addresses.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

import { describe, expect, it } from "vitest";

import {
  nonPublicRangeOf,
  PrivateAddressError,
  resolvePublicHost,
  UnresolvableHostError,
  ZPrivateNetworksSchema,
} from "./outbound-address.ts";

describe("nonPublicRangeOf", () => {
  it("names the range of loopback, private, link-local, CGNAT, multicast and other non-public addresses", () => {
    expect(
      Object.fromEntries(
        [
          "127.0.0.1",
          "10.0.0.1",
          "172.16.5.4",
          "192.168.1.1",
          "169.254.169.254",
          "100.64.0.1",
          "0.0.0.0",
          "224.0.0.1",
          "255.255.255.255",
          "198.18.0.1",
          "::1",
          "::",
          "fe80::1",
          "fc00::1",
          "fd12:3456::1",
          "ff02::1",
          "::ffff:127.0.0.1",
          "::ffff:169.254.169.254",
          "::7f00:1",
          "64:ff9b::a00:1",
          "not an address",
        ].map((address) => [address, nonPublicRangeOf(address)]),
      ),
    ).toEqual({
      "127.0.0.1": "loopback",
      "10.0.0.1": "private",
      "172.16.5.4": "private",
      "192.168.1.1": "private",
      "169.254.169.254": "linkLocal",
      "100.64.0.1": "carrierGradeNat",
      "0.0.0.0": "unspecified",
      "224.0.0.1": "multicast",
      "255.255.255.255": "broadcast",
      "198.18.0.1": "benchmarking",
      "::1": "loopback",
      "::": "unspecified",
      "fe80::1": "linkLocal",
      "fc00::1": "uniqueLocal",
      "fd12:3456::1": "uniqueLocal",
      "ff02::1": "multicast",
      "::ffff:127.0.0.1": "loopback",
      "::ffff:169.254.169.254": "linkLocal",
      "::7f00:1": "ipv4Compatible",
      "64:ff9b::a00:1": "rfc6052",
      "not an address": "invalid",
    });
  });

  it("passes public addresses", () => {
    for (const address of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])
      expect(nonPublicRangeOf(address), address).toBeNull();
  });
});

describe("resolvePublicHost", () => {
  it("refuses a literal private address, a bracketed IPv6 one, and a name resolving to loopback", async () => {
    await expect(resolvePublicHost("10.0.0.1")).rejects.toThrow("10.0.0.1 is not a public internet address (private)");
    await expect(resolvePublicHost("[::1]")).rejects.toBeInstanceOf(PrivateAddressError);
    await expect(resolvePublicHost("localhost")).rejects.toThrow(/^localhost resolves to (127\.0\.0\.1|::1), which/);
  });

  it("passes a public literal, and with allowPrivate every address, as resolved", async () => {
    expect(await resolvePublicHost("93.184.216.34")).toEqual([{ address: "93.184.216.34", family: 4 }]);
    expect(await resolvePublicHost("127.0.0.1", { allowPrivate: true })).toEqual([{ address: "127.0.0.1", family: 4 }]);
    expect(await resolvePublicHost("[::1]", { allowPrivate: true })).toEqual([{ address: "::1", family: 6 }]);
  });

  it("with a list of networks, lets through only the non-public addresses in them", async () => {
    const allowPrivate = ["127.0.0.1/32", "192.168.0.0/16"];
    expect(await resolvePublicHost("127.0.0.1", { allowPrivate })).toEqual([{ address: "127.0.0.1", family: 4 }]);
    expect(await resolvePublicHost("192.168.7.7", { allowPrivate })).toHaveLength(1);
    await expect(resolvePublicHost("127.0.0.2", { allowPrivate })).rejects.toThrow("(loopback)");
    await expect(resolvePublicHost("169.254.169.254", { allowPrivate })).rejects.toThrow("(linkLocal)");
  });

  it("reads the env setting: false, true, or a list of networks", () => {
    expect(ZPrivateNetworksSchema.parse(undefined)).toBe(false);
    expect(ZPrivateNetworksSchema.parse("false")).toBe(false);
    expect(ZPrivateNetworksSchema.parse("true")).toBe(true);
    expect(ZPrivateNetworksSchema.parse(" 10.1.0.0/16, fd00::/8,192.168.1.5 ")).toEqual([
      "10.1.0.0/16",
      "fd00::/8",
      "192.168.1.5",
    ]);
    expect(ZPrivateNetworksSchema.safeParse("yes").success).toBe(false);
    expect(ZPrivateNetworksSchema.safeParse("10.0.0.0/99").success).toBe(false);
  });

  it("tells an unknown name apart from a refused one", async () => {
    await expect(resolvePublicHost("no-such-host.invalid")).rejects.toBeInstanceOf(UnresolvableHostError);
  });
});

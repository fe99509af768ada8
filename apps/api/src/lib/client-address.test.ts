import { describe, expect, it } from "vitest";

import { addressLimitKey, clientAddressResolver, socketAddressOf, ZTrustProxySchema } from "./client-address.ts";

const parse = (value: string | undefined) => ZTrustProxySchema.safeParse(value);

describe("TRUST_PROXY", () => {
  it("reads nothing, false and 0 as no proxy, a number as hops, a list as proxies", () => {
    for (const value of [undefined, "", "  ", "false", "0"]) expect(parse(value).data).toEqual({ hops: 0 });
    expect(parse("2").data).toEqual({ hops: 2 });
    expect(parse("loopback, 10.0.0.0/8,::1, fd00::/8").data).toEqual({
      proxies: ["loopback", "10.0.0.0/8", "::1", "fd00::/8"],
    });
  });

  it("refuses trusting every hop and anything that is not an address or a range", () => {
    for (const value of ["true", "*"])
      expect(parse(value).error?.issues[0]?.message).toMatch(/any client choose its address/);
    for (const value of ["proxy.internal", "10.0.0.0/40", "300.1.1.1", "1e3", "-1"])
      expect(parse(value).success, value).toBe(false);
  });
});

describe("clientAddressResolver", () => {
  const from = (trust: string | undefined, socketAddress: string | undefined, forwardedFor?: string) =>
    clientAddressResolver(ZTrustProxySchema.parse(trust))({ socketAddress, forwardedFor });

  it("without trusted proxies believes only the socket, whatever X-Forwarded-For says", () => {
    expect(from(undefined, "203.0.113.9", "1.2.3.4")).toBe("203.0.113.9");
    expect(from(undefined, undefined, "1.2.3.4")).toBeUndefined();
  });

  it("with hops, takes the entry that many hops from the right", () => {
    expect(from("1", "10.0.0.2", "6.6.6.6, 198.51.100.7")).toBe("198.51.100.7");
    expect(from("2", "10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.3")).toBe("198.51.100.7");
    // Fewer entries than hops: the leftmost there is (Express's rule).
    expect(from("3", "10.0.0.2", "198.51.100.7")).toBe("198.51.100.7");
    expect(from("1", "10.0.0.2")).toBe("10.0.0.2");
  });

  it("with proxy ranges, walks from the right past trusted hops only", () => {
    expect(from("10.0.0.0/8", "10.0.0.2", "6.6.6.6, 198.51.100.7, 10.1.2.3")).toBe("198.51.100.7");
    // A request straight from an untrusted peer is that peer, whatever it claims.
    expect(from("10.0.0.0/8", "203.0.113.9", "198.51.100.7")).toBe("203.0.113.9");
    expect(from("loopback", "::ffff:127.0.0.1", "garbage, 198.51.100.7")).toBe("198.51.100.7");
    // Garbage right of the trusted proxy is where the walk stops: never an address the client chose further left.
    expect(from("loopback", "127.0.0.1", "198.51.100.7, not-an-ip")).toBe("not-an-ip");
  });
});

describe("addressLimitKey", () => {
  it("keys IPv4 as it is, IPv4-mapped IPv6 as its IPv4, and IPv6 by its /64", () => {
    expect(addressLimitKey("203.0.113.9")).toBe("203.0.113.9");
    expect(addressLimitKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(addressLimitKey("2001:db8:1:2:aaaa::1")).toBe(addressLimitKey("2001:0db8:0001:0002:ffff:1:2:3"));
    expect(addressLimitKey("2001:db8:1:2::1")).not.toBe(addressLimitKey("2001:db8:1:3::1"));
    expect(addressLimitKey("x".repeat(1_000))).toHaveLength(100);
  });
});

describe("socketAddressOf", () => {
  it("reads @hono/node-server's incoming socket, and nothing from anything else", () => {
    expect(socketAddressOf({ incoming: { socket: { remoteAddress: "::1" } } })).toBe("::1");
    for (const env of [undefined, null, {}, { incoming: {} }]) expect(socketAddressOf(env)).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { formatIpv4, isLoopback, isLoopbackHost, loopbackRange, parseIpv4 } from "./address";

describe("address arithmetic", () => {
  it("round-trips IPv4 addresses", () => {
    expect(formatIpv4(parseIpv4("127.50.5.1"))).toBe("127.50.5.1");
    expect(parseIpv4("127.0.0.1")).toBe(0x7f000001);
    expect(formatIpv4(0xffffffff)).toBe("255.255.255.255");
  });

  it("rejects malformed addresses", () => {
    expect(() => parseIpv4("127.0.0.256")).toThrow(/not an IPv4/);
    expect(() => parseIpv4("127.0.0")).toThrow(/not an IPv4/);
    expect(() => parseIpv4("localhost")).toThrow(/not an IPv4/);
  });

  it("counts consecutive addresses carrying across octets", () => {
    expect(loopbackRange("127.50.5.1", 3)).toEqual(["127.50.5.1", "127.50.5.2", "127.50.5.3"]);
    expect(loopbackRange("127.50.5.254", 4)).toEqual(["127.50.5.254", "127.50.5.255", "127.50.6.0", "127.50.6.1"]);
    expect(loopbackRange("127.0.255.255", 2)).toEqual(["127.0.255.255", "127.1.0.0"]);
    expect(loopbackRange("127.60.0.1", 1000).at(-1)).toBe("127.60.3.232");
  });

  it("refuses bases outside 127.0.0.0/8 and ranges that would leave it", () => {
    expect(() => loopbackRange("10.0.0.1", 1)).toThrow(/not in 127\.0\.0\.0\/8/);
    expect(() => loopbackRange("128.0.0.1", 1)).toThrow(/not in 127\.0\.0\.0\/8/);
    expect(() => loopbackRange("127.255.255.254", 3)).toThrow(/would leave 127\.0\.0\.0\/8/);
    expect(() => loopbackRange("127.0.0.1", 0)).toThrow(/positive integer/);
  });

  it("tells loopback hosts from others", () => {
    expect(isLoopback("127.9.9.9")).toBe(true);
    expect(isLoopback("192.168.1.1")).toBe(false);
    expect(isLoopbackHost("localhost")).toBe(true);
    expect(isLoopbackHost("[::1]")).toBe(true);
    expect(isLoopbackHost("127.51.4.200")).toBe(true);
    expect(isLoopbackHost("example.com")).toBe(false);
    expect(isLoopbackHost("10.1.2.3")).toBe(false);
  });
});

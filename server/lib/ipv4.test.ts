import { describe, expect, it } from "vitest";
import { ipv4RangeSize, ipv4ToNumber } from "./ipv4";

describe("ipv4", () => {
  it("numbers an address across all four octets", () => {
    expect(ipv4ToNumber("127.0.0.1")).toBe(2130706433);
    expect(ipv4ToNumber("255.255.255.255")).toBe(2 ** 32 - 1);
  });

  it("counts both ends of a range, across octets", () => {
    expect(ipv4RangeSize("127.50.5.1", "127.50.5.20")).toBe(20);
    expect(ipv4RangeSize("127.50.0.255", "127.50.1.0")).toBe(2);
    expect(ipv4RangeSize("127.50.0.0", "127.50.255.255")).toBe(65_536);
    expect(ipv4RangeSize("127.50.0.9", "127.50.0.1")).toBe(-7);
  });
});

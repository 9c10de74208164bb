import { describe, expect, it } from "vitest";
import { addressCount, parsePorts } from "./scan-range-values";

describe("scan range form values", () => {
  it("reads comma- or space-separated ports, keeping what is not a number for the schema to reject", () => {
    expect(parsePorts("443, 8443")).toEqual([443, 8443]);
    expect(parsePorts(" 443 ,, 623 5000,")).toEqual([443, 623, 5000]);
    expect(parsePorts("443, https")).toEqual([443, "https"]);
    expect(parsePorts("  ")).toEqual([]);
  });

  it("counts both ends of a range, across octets", () => {
    expect(addressCount("127.50.5.1", "127.50.5.20")).toBe(20);
    expect(addressCount("127.50.0.255", "127.50.1.0")).toBe(2);
    expect(addressCount("127.50.0.0", "127.50.255.255")).toBe(65_536);
  });
});

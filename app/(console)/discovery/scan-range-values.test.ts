import { describe, expect, it } from "vitest";
import { parsePorts } from "./scan-range-values";

describe("scan range form values", () => {
  it("reads comma- or space-separated ports, keeping what is not a number for the schema to reject", () => {
    expect(parsePorts("443, 8443")).toEqual([443, 8443]);
    expect(parsePorts(" 443 ,, 623 5000,")).toEqual([443, 623, 5000]);
    expect(parsePorts("443, https")).toEqual([443, "https"]);
    expect(parsePorts("  ")).toEqual([]);
  });
});

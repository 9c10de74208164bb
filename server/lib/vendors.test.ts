import { describe, expect, it } from "vitest";
import { canonicalVendor, sameVendor } from "./vendors";

describe("canonicalVendor", () => {
  it.each([
    ["Dell Inc.", "Dell"],
    ["DELL", "Dell"],
    ["Dell EMC", "Dell"],
    ["HP", "HPE"],
    ["HPE", "HPE"],
    ["Hewlett Packard Enterprise", "HPE"],
    ["Hewlett-Packard", "HPE"],
    ["Supermicro", "Supermicro"],
    ["Super Micro Computer, Inc.", "Supermicro"],
    ["Lenovo", "Lenovo"],
    ["LENOVO", "Lenovo"],
  ])("reads %s as %s", (reported, canonical) => {
    expect(canonicalVendor(reported)).toBe(canonical);
  });

  it("keeps an unknown vendor's own name, trimmed", () => {
    expect(canonicalVendor("  Contoso ")).toBe("Contoso");
    expect(canonicalVendor("")).toBe("");
  });
});

describe("sameVendor", () => {
  it("compares vendors, not strings", () => {
    expect(sameVendor("Dell Inc.", "Dell")).toBe(true);
    expect(sameVendor("HP", "HPE")).toBe(true);
    expect(sameVendor("contoso", "Contoso Inc.")).toBe(true);
    expect(sameVendor("Dell", "HPE")).toBe(false);
    expect(sameVendor("Lenovo", "Supermicro")).toBe(false);
  });
});

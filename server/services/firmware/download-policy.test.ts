import { describe, expect, it } from "vitest";
import { addressAllowed, hostAllowed, parseAllowList } from "./download-policy";

// Policy checks only: nothing here connects anywhere.
describe("firmware download policy", () => {
  it("by default refuses link-local, cloud-metadata and unspecified addresses, IPv4-mapped forms included", () => {
    for (const address of ["169.254.169.254", "169.254.0.1", "fe80::1", "::ffff:169.254.169.254", "0.0.0.0", "100.100.100.200", "fd00:ec2::254", "224.0.0.1", "::"]) {
      expect([address, addressAllowed(address, undefined)]).toEqual([address, false]);
    }
  });

  it("by default allows everything else, loopback included", () => {
    for (const address of ["127.0.0.1", "::1", "10.20.30.40", "192.0.2.10", "2001:db8::1"]) expect([address, addressAllowed(address, undefined)]).toEqual([address, true]);
  });

  it("with an allowlist, allows only its networks and host names", () => {
    const allow = parseAllowList(["127.0.0.0/24", "images.example.test", "::1/128"]);
    expect(addressAllowed("127.0.0.9", allow)).toBe(true);
    expect(addressAllowed("127.0.1.1", allow)).toBe(false);
    expect(addressAllowed("::1", allow)).toBe(true);
    expect(addressAllowed("::ffff:127.0.0.9", allow)).toBe(true);
    expect(hostAllowed("IMAGES.example.test", allow)).toBe(true);
    expect(hostAllowed("other.example.test", allow)).toBe(false);
    expect(hostAllowed("images.example.test", undefined)).toBe(false);
  });

  it("an explicit allowlist may open a range the defaults refuse", () => {
    expect(addressAllowed("169.254.10.10", parseAllowList(["169.254.10.0/24"]))).toBe(true);
  });

  it("rejects an entry that is neither a network nor a host name", () => {
    expect(() => parseAllowList(["127.0.0.0/99"])).toThrow(/127\.0\.0\.0\/99/);
  });
});

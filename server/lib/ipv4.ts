import ipaddr from "ipaddr.js";

/** An IPv4 address as its 32-bit number (ipaddr.js parses; no hand-rolled octet arithmetic). Safe in client code. */
export function ipv4ToNumber(address: string): number {
  return ipaddr.IPv4.parse(address).toByteArray().reduce((total, octet) => total * 256 + octet, 0);
}

/** How many addresses `from`..`to` holds, both ends included (0 or less when `to` is lower). */
export function ipv4RangeSize(from: string, to: string): number {
  return ipv4ToNumber(to) - ipv4ToNumber(from) + 1;
}

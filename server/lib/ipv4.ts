import ipaddr from "ipaddr.js";

/** An IPv4 address as its 32-bit number (ipaddr.js parses; no hand-rolled octet arithmetic). Safe in client code. */
export function ipv4ToNumber(address: string): number {
  return ipaddr.IPv4.parse(address).toByteArray().reduce((total, octet) => total * 256 + octet, 0);
}

/** The dotted form of a 32-bit number: the addresses between two ends of a range. */
export function numberToIpv4(value: number): string {
  return ipaddr.fromByteArray([value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255]).toString();
}

/** How many addresses `from`..`to` holds, both ends included (0 or less when `to` is lower). */
export function ipv4RangeSize(from: string, to: string): number {
  return ipv4ToNumber(to) - ipv4ToNumber(from) + 1;
}

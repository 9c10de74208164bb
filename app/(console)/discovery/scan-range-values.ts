import { ipv4ToNumber } from "~/server/lib/ipv4";

/** "443, 8443" -> [443, 8443]; anything that is not digits stays as typed, for the schema to reject by name. */
export function parsePorts(text: string): (number | string)[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((token) => (/^\d+$/.test(token) ? Number(token) : token));
}

/** How many addresses a stored (valid) range holds, both ends included. */
export function addressCount(ipFrom: string, ipTo: string): number {
  return ipv4ToNumber(ipTo) - ipv4ToNumber(ipFrom) + 1;
}

/** "443, 8443" -> [443, 8443]; anything that is not digits stays as typed, for the schema to reject by name. */
export function parsePorts(text: string): (number | string)[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((token) => (/^\d+$/.test(token) ? Number(token) : token));
}

const toNumber = (ip: string) => ip.split(".").reduce((total, octet) => total * 256 + Number(octet), 0);

/** How many addresses a stored (valid) range holds, both ends included. */
export function addressCount(ipFrom: string, ipTo: string): number {
  return toNumber(ipTo) - toNumber(ipFrom) + 1;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function parseIpv4(address: string): number {
  const match = IPV4.exec(address.trim());
  const octets = match?.slice(1).map(Number);
  if (!octets || octets.some((octet) => octet > 255)) throw new Error(`"${address}" is not an IPv4 address`);
  return ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");
}

export function isLoopback(address: string): boolean {
  try {
    return parseIpv4(address) >>> 24 === 127;
  } catch {
    return false;
  }
}

/**
 * `count` consecutive addresses from `base`, carrying across octets (127.0.0.255 -> 127.0.1.0).
 * The simulator only ever binds loopback: any address outside 127.0.0.0/8 is refused.
 */
export function loopbackRange(base: string, count: number): string[] {
  if (!isLoopback(base)) throw new Error(`base address ${base} is not in 127.0.0.0/8: the simulator only binds loopback addresses`);
  if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive integer, got ${count}`);
  const first = parseIpv4(base);
  const last = first + count - 1;
  if (last >>> 24 !== 127) {
    throw new Error(`${count} addresses from ${base} would leave 127.0.0.0/8 (last would be ${formatIpv4(last)})`);
  }
  return Array.from({ length: count }, (_, offset) => formatIpv4(first + offset));
}

/** Loopback hosts a BMC may download images from. Names other than localhost are not resolved. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || isLoopback(host);
}

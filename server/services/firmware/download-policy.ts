import ipaddr from "ipaddr.js";
import { env } from "~/server/env";

type Network = [ipaddr.IPv4 | ipaddr.IPv6, number];
export type AllowList = { networks: Network[]; hosts: Set<string> };

/**
 * Refused unless an allowlist says otherwise: addresses a server-side request must never reach (link-local,
 * where clouds serve instance metadata and credentials; the metadata addresses outside it; "this host"
 * and multicast). Everything else is allowed by default, loopback included: tests, the demo and many labs
 * serve images from the machine Rackpilot runs on.
 */
const REFUSED_BY_DEFAULT = [
  "169.254.0.0/16",
  "fe80::/10",
  "100.100.100.200/32", // Alibaba Cloud metadata
  "fd00:ec2::254/128", // AWS metadata over IPv6
  "0.0.0.0/8",
  "::/128",
  "224.0.0.0/4",
  "ff00::/8",
  "255.255.255.255/32",
].map((cidr) => ipaddr.parseCIDR(cidr));

/** `::ffff:169.254.169.254` is 169.254.169.254: compare addresses in their plainest form. */
const plain = (address: string) => ipaddr.process(address);

const inNetwork = (address: ipaddr.IPv4 | ipaddr.IPv6, [network, bits]: Network) => address.kind() === network.kind() && address.match(network, bits);

/** RACKPILOT_FIRMWARE_DOWNLOAD_ALLOW entries: CIDRs (or single addresses) and host names. */
export function parseAllowList(entries: string[]): AllowList {
  const allow: AllowList = { networks: [], hosts: new Set() };
  for (const entry of entries) {
    if (ipaddr.isValidCIDR(entry)) allow.networks.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) allow.networks.push(ipaddr.parseCIDR(`${entry}/${plain(entry).kind() === "ipv4" ? 32 : 128}`));
    else if (/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(entry)) allow.hosts.add(entry.toLowerCase());
    else throw new Error(`RACKPILOT_FIRMWARE_DOWNLOAD_ALLOW: "${entry}" is neither a network (CIDR) nor a host name`);
  }
  return allow;
}

export function configuredAllowList(): AllowList | undefined {
  const entries = env("RACKPILOT_FIRMWARE_DOWNLOAD_ALLOW");
  return entries?.length ? parseAllowList(entries) : undefined;
}

/** A host named in the allowlist is trusted whatever it resolves to (the operator vouched for the name). */
export const hostAllowed = (hostname: string, allow: AllowList | undefined) => allow?.hosts.has(hostname.toLowerCase()) ?? false;

/** Whether a download may connect to this (resolved) address. */
export function addressAllowed(address: string, allow: AllowList | undefined): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = plain(address);
  if (allow) return allow.networks.some((network) => inNetwork(parsed, network));
  return !REFUSED_BY_DEFAULT.some((network) => inNetwork(parsed, network));
}

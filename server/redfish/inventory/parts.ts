import type { RedfishClient } from "../client";
import { dig, idOf, linkOf, num, prop, stateOf, text, texts, type Json } from "../odata";
import type { VendorQuirks } from "../vendors/types";
import type { EthernetInterfaceInfo, MemoryInfo, ProcessorInfo } from "./types";

/** Members of the collection a system links to as `name`, or null when it has no such link. */
export async function linkedMembers(client: RedfishClient, resource: Json, name: string): Promise<Json[] | null> {
  const path = linkOf(resource, name);
  return path ? client.findMembers(path) : null;
}

const absent = (resource: Json) => stateOf(resource)?.toLowerCase() === "absent";

export async function readProcessors(client: RedfishClient, system: Json): Promise<ProcessorInfo[] | null> {
  const members = await linkedMembers(client, system, "Processors");
  if (!members) return null;
  // Empty sockets are listed as Absent; GPUs and FPGAs are processors too, but not CPUs.
  const cpus = members.filter((member) => !absent(member) && (text(prop(member, "ProcessorType")) ?? "CPU").toUpperCase() === "CPU");
  return cpus.map((cpu) => ({
    odataId: idOf(cpu) ?? "",
    ...texts(cpu, { id: "Id", manufacturer: "Manufacturer", model: "Model", serialNumber: "SerialNumber", partNumber: "PartNumber" }),
    socket: text(prop(cpu, "Socket")) ?? text(dig(cpu, "Location", "PartLocation", "ServiceLabel")),
    cores: num(prop(cpu, "TotalCores")),
    threads: num(prop(cpu, "TotalThreads")),
    speedMhz: num(prop(cpu, "MaxSpeedMHz")) ?? num(prop(cpu, "OperatingSpeedMHz")),
  }));
}

/** iLO 4's own memory resources say `DIMMStatus: "NotPresent"` and `SizeMB` instead. */
function dimmMiB(dimm: Json): number | null {
  return num(prop(dimm, "CapacityMiB")) ?? num(prop(dimm, "SizeMB"));
}

export async function readMemory(client: RedfishClient, system: Json): Promise<MemoryInfo> {
  // iLO 4's pre-Redfish ComputerSystem.0.9 has a `Memory` summary object (GB) where Redfish has the link.
  const summaryGiB = num(dig(system, "MemorySummary", "TotalSystemMemoryGiB")) ?? num(dig(system, "Memory", "TotalSystemMemoryGB"));
  const members = await linkedMembers(client, system, "Memory");
  if (!members) return { dimmCount: null, totalGiB: summaryGiB };
  const present = members.filter(
    (dimm) => !absent(dimm) && text(prop(dimm, "DIMMStatus"))?.toLowerCase() !== "notpresent" && dimmMiB(dimm) !== 0,
  );
  const sizes = present.map(dimmMiB).filter((size): size is number => size !== null);
  return { dimmCount: present.length, totalGiB: sizes.length > 0 ? sizes.reduce((a, b) => a + b, 0) / 1024 : summaryGiB };
}

/** The `Address` of each entry of an `IPv4Addresses`/`IPv6Addresses` list. */
export const ipAddresses = (list: unknown) =>
  (Array.isArray(list) ? list : []).map((entry) => text(prop(entry, "Address"))).filter((address): address is string => address !== null);

/** `aa:bb:...` or `AA-BB-...` -> `AA:BB:...`, so one host's MACs compare equal whichever BMC reported them. */
export function normalizeMac(mac: string | null): string | null {
  return mac === null ? null : mac.replace(/-/g, ":").toUpperCase();
}

/** DMTF EthernetInterfaces, else the vendor's own host NIC view (iLO 4's NetworkAdapters); null when neither exists. */
export async function readEthernetInterfaces(client: RedfishClient, system: Json, quirks: VendorQuirks): Promise<EthernetInterfaceInfo[] | null> {
  const members = await linkedMembers(client, system, "EthernetInterfaces");
  if (members && members.length > 0) return members.map(ethernetInterface);
  const oem = (await quirks.readEthernetInterfaces?.(client, system)) ?? null;
  if (oem && oem.length > 0) return oem;
  return members || oem ? [] : null;
}

function ethernetInterface(nic: Json): EthernetInterfaceInfo {
  return {
    odataId: idOf(nic) ?? "",
    ...texts(nic, { id: "Id", name: "Name", linkStatus: "LinkStatus" }),
    macAddress: normalizeMac(text(prop(nic, "MACAddress")) ?? text(prop(nic, "PermanentMACAddress"))),
    speedMbps: num(prop(nic, "SpeedMbps")),
    ipv4Addresses: ipAddresses(prop(nic, "IPv4Addresses")),
    ipv6Addresses: ipAddresses(prop(nic, "IPv6Addresses")),
  };
}

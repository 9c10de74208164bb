import type { RedfishClient } from "../client";
import { dig, idOf, linkOf, num, prop, stateOf, text, type Json } from "../odata";
import type { EthernetInterfaceInfo, MemoryInfo, ProcessorInfo } from "./types";

/** Members of the collection a system links to as `name`, or null when it has no such link. */
export async function linkedMembers(client: RedfishClient, resource: Json, name: string): Promise<Json[] | null> {
  const path = linkOf(resource, name);
  if (!path) return null;
  const collection = await client.findResource(path);
  return collection ? client.members(path) : null;
}

const absent = (resource: Json) => stateOf(resource)?.toLowerCase() === "absent";

export async function readProcessors(client: RedfishClient, system: Json): Promise<ProcessorInfo[] | null> {
  const members = await linkedMembers(client, system, "Processors");
  if (!members) return null;
  // Empty sockets are listed as Absent; GPUs and FPGAs are processors too, but not CPUs.
  const cpus = members.filter((member) => !absent(member) && (text(prop(member, "ProcessorType")) ?? "CPU").toUpperCase() === "CPU");
  return cpus.map((cpu) => ({
    odataId: idOf(cpu) ?? "",
    id: text(prop(cpu, "Id")),
    socket: text(prop(cpu, "Socket")) ?? text(dig(cpu, "Location", "PartLocation", "ServiceLabel")),
    manufacturer: text(prop(cpu, "Manufacturer")),
    model: text(prop(cpu, "Model")),
    cores: num(prop(cpu, "TotalCores")),
    threads: num(prop(cpu, "TotalThreads")),
    speedMhz: num(prop(cpu, "MaxSpeedMHz")) ?? num(prop(cpu, "OperatingSpeedMHz")),
    serialNumber: text(prop(cpu, "SerialNumber")),
    partNumber: text(prop(cpu, "PartNumber")),
  }));
}

/** iLO 4's own memory resources say `DIMMStatus: "NotPresent"` and `SizeMB` instead. */
function dimmMiB(dimm: Json): number | null {
  return num(prop(dimm, "CapacityMiB")) ?? num(prop(dimm, "SizeMB"));
}

export async function readMemory(client: RedfishClient, system: Json): Promise<MemoryInfo> {
  const summaryGiB = num(dig(system, "MemorySummary", "TotalSystemMemoryGiB"));
  const members = await linkedMembers(client, system, "Memory");
  if (!members) return { dimmCount: null, totalGiB: summaryGiB };
  const present = members.filter(
    (dimm) => !absent(dimm) && text(prop(dimm, "DIMMStatus"))?.toLowerCase() !== "notpresent" && dimmMiB(dimm) !== 0,
  );
  const sizes = present.map(dimmMiB).filter((size): size is number => size !== null);
  return { dimmCount: present.length, totalGiB: sizes.length > 0 ? sizes.reduce((a, b) => a + b, 0) / 1024 : summaryGiB };
}

const addresses = (list: unknown) =>
  (Array.isArray(list) ? list : []).map((entry) => text(prop(entry, "Address"))).filter((address): address is string => address !== null);

export async function readEthernetInterfaces(client: RedfishClient, system: Json): Promise<EthernetInterfaceInfo[] | null> {
  const members = await linkedMembers(client, system, "EthernetInterfaces");
  if (!members) return null;
  return members.map((nic) => ({
    odataId: idOf(nic) ?? "",
    id: text(prop(nic, "Id")),
    name: text(prop(nic, "Name")),
    macAddress: text(prop(nic, "MACAddress")) ?? text(prop(nic, "PermanentMACAddress")),
    speedMbps: num(prop(nic, "SpeedMbps")),
    linkStatus: text(prop(nic, "LinkStatus")),
    ipv4Addresses: addresses(prop(nic, "IPv4Addresses")),
    ipv6Addresses: addresses(prop(nic, "IPv6Addresses")),
  }));
}

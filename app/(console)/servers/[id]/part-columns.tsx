"use client";
import type { z } from "zod";
import type { ethernetInterfaceSchema, processorSchema, serverFirmwareSchema, storageSchema } from "~/server/services/servers/schemas";
import type { Column } from "../../_components/data-table/data-table";
import { formatBytes } from "../../_components/format";
import { orDash } from "../../_components/inventory-cells";
import { firmwareTypeLabel } from "../../firmware/firmware-types";

export type Processor = z.infer<typeof processorSchema>;
export type EthernetInterface = z.infer<typeof ethernetInterfaceSchema>;
export type Storage = z.infer<typeof storageSchema>;
export type ServerFirmware = z.infer<typeof serverFirmwareSchema>;

const mono = (value: string) => <span className="font-mono text-xs">{orDash(value)}</span>;
/** A part's name with the BMC's member id under it. */
function namedPartColumn<Part extends { inventory_id: string }>(header: string, sortKey: string, name: (part: Part) => string | null): Column<Part> {
  return {
    header,
    sortKey,
    cell: (part) => (
      <div>
        {orDash(name(part))}
        <div className="font-mono text-xs text-zinc-500">{part.inventory_id}</div>
      </div>
    ),
  };
}
const speed = (mbps: number | null) => orDash(mbps === null ? null : mbps >= 1000 ? `${mbps / 1000} Gbit/s` : `${mbps} Mbit/s`);
const capacity = (bytes: number | null) => (bytes === null ? "size unknown" : formatBytes(bytes));

export const processorColumns: Column<Processor>[] = [
  namedPartColumn("Socket", "inventory_id", (p) => p.socket),
  {
    header: "Model",
    cell: (p) => (
      <div>
        {orDash(p.model)}
        <div className="text-xs text-zinc-500">{p.manufacturer}</div>
      </div>
    ),
  },
  { header: "Cores", className: "tabular-nums", cell: (p) => orDash(p.total_cores) },
  { header: "Threads", className: "tabular-nums", cell: (p) => orDash(p.total_threads) },
  { header: "Max speed", className: "tabular-nums", cell: (p) => orDash(p.max_speed_mhz === null ? null : `${p.max_speed_mhz} MHz`) },
  {
    header: "Serial / part",
    cell: (p) => (
      <div>
        {mono(p.serial_number)}
        <div>{mono(p.part_number)}</div>
      </div>
    ),
  },
];

export const ethernetInterfaceColumns: Column<EthernetInterface>[] = [
  namedPartColumn("Interface", "inventory_id", (nic) => nic.name),
  { header: "MAC", cell: (nic) => mono(nic.mac_address) },
  { header: "Speed", className: "tabular-nums", cell: (nic) => speed(nic.speed_mbps) },
  { header: "Link", cell: (nic) => orDash(nic.link_status) },
  { header: "Addresses", cell: (nic) => <span className="font-mono text-xs">{orDash([...nic.ipv4_addresses, ...nic.ipv6_addresses].join(", "))}</span> },
];

/** A storage subsystem's controllers, drives and volumes, each listed in its own cell. */
export const storageColumns: Column<Storage>[] = [
  namedPartColumn("Storage", "inventory_id", (s) => s.name),
  {
    header: "Controllers",
    cell: (s) => (
      <ul className="space-y-1">
        {s.controllers.map((c) => (
          <li key={`${c.name}/${c.serial_number}`}>
            {[c.manufacturer, c.model || c.name].filter(Boolean).join(" ")}
            <div className="font-mono text-xs text-zinc-500">firmware {c.firmware_version || "unknown"}</div>
          </li>
        ))}
      </ul>
    ),
  },
  {
    header: "Drives",
    cell: (s) => (
      <ul className="space-y-1">
        {s.drives.map((d) => (
          <li key={`${d.name}/${d.serial_number}`}>
            {d.model || d.name} · {capacity(d.capacity_bytes)}
            <div className="text-xs text-zinc-500">
              {[d.media_type, d.protocol, d.status, d.serial_number && `serial ${d.serial_number}`].filter(Boolean).join(" · ")}
            </div>
          </li>
        ))}
      </ul>
    ),
  },
  {
    header: "Volumes",
    cell: (s) => (
      <ul className="space-y-1">
        {s.volumes.map((v) => (
          <li key={v.name}>{[v.name, v.raid_type, capacity(v.capacity_bytes), v.status].filter(Boolean).join(" · ")}</li>
        ))}
      </ul>
    ),
  },
];

export const firmwareColumns: Column<ServerFirmware>[] = [
  namedPartColumn("Name", "name", (f) => f.name),
  { header: "Component", sortKey: "component", cell: (f) => firmwareTypeLabel(f.component) },
  { header: "Version", cell: (f) => mono(f.version) },
  { header: "Software id", cell: (f) => mono(f.software_id) },
  { header: "Updateable", cell: (f) => (f.updateable === null ? orDash(null) : f.updateable ? "Yes" : "No") },
];

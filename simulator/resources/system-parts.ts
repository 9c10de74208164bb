import { hostIpv4, linkLocal } from "../bmc/hardware";
import type { Bmc } from "../bmc/bmc";
import type { Reply, RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { dimmMembers } from "./memory";
import { collection, enabled, getRoute, missing, resource, type Body } from "./odata";
import type { Paths } from "./paths";

/** A collection of the system's parts: member ids, and each member's body by position. */
export interface Part {
  name: string;
  type: string;
  /** The members' own type when it is not `type` (iLO 4's `HpMemory`). */
  memberType?: (ctx: RequestContext) => string;
  base: (paths: Paths) => string;
  /** Whether this BMC has the collection at all (iLO 4 has no DMTF EthernetInterfaces). */
  available?: (bmc: Bmc) => boolean;
  ids: (ctx: RequestContext) => string[];
  body: (ctx: RequestContext, index: number) => Body;
}

const processors: Part = {
  name: "Processors Collection",
  type: "Processor",
  base: (paths) => paths.processors,
  ids: (ctx) => Array.from({ length: ctx.bmc.modelSpec.cpu.count }, (_, i) => ctx.bmc.profile.ids.processor(i + 1)),
  body: (ctx, i) => {
    const { bmc } = ctx;
    const { cpu } = bmc.modelSpec;
    const signature = parseInt(cpu.cpuid, 16);
    const hex = (value: number) => `0x${value.toString(16).toUpperCase()}`;
    return {
      Name: `CPU ${i + 1}`,
      Socket: `Proc ${i + 1}`,
      ProcessorType: "CPU",
      ProcessorArchitecture: "x86",
      InstructionSet: "x86-64",
      Manufacturer: "Intel(R) Corporation",
      Model: cpu.model,
      MaxSpeedMHz: cpu.speedMhz,
      OperatingSpeedMHz: cpu.speedMhz,
      TotalCores: cpu.cores,
      TotalEnabledCores: cpu.cores,
      TotalThreads: cpu.threads,
      ProcessorId: {
        VendorId: "GenuineIntel",
        IdentificationRegisters: cpu.cpuid,
        EffectiveFamily: hex((signature >> 8) & 0xf),
        EffectiveModel: hex(((signature >> 12) & 0xf0) | ((signature >> 4) & 0xf)),
        Step: hex(signature & 0xf),
        MicrocodeInfo: cpu.microcode,
      },
      SerialNumber: bmc.derive(`cpu/${i}`).hex(16).toUpperCase(),
      PartNumber: cpu.model.replace(/^.*\) (\w+ \d+\w*) CPU.*$/, "$1"),
      Status: enabled,
    };
  },
};

const ethernet: Part = {
  name: "System Ethernet Interface Collection",
  type: "EthernetInterface",
  base: (paths) => paths.ethernet,
  available: (bmc) => bmc.profile.hostNics === "ethernet-interfaces",
  ids: (ctx) => Array.from({ length: ctx.bmc.modelSpec.nicPorts }, (_, i) => ctx.bmc.profile.ids.nic(i + 1)),
  body: (ctx, i) => {
    const { bmc } = ctx;
    const mac = bmc.identity.macs[i];
    const ipv4 = hostIpv4(bmc, i + 1);
    const up = ipv4 !== undefined;
    return {
      Name: `System Ethernet Interface ${i + 1}`,
      MACAddress: mac,
      PermanentMACAddress: mac,
      SpeedMbps: up ? 25000 : 0,
      FullDuplex: true,
      LinkStatus: up ? "LinkUp" : "LinkDown",
      InterfaceEnabled: true,
      MTUSize: 1500,
      HostName: up ? bmc.identity.hostName : "",
      DHCPv4: { DHCPEnabled: true, UseDNSServers: true, UseGateway: true },
      DHCPv6: { OperatingMode: "Stateless", UseDNSServers: true },
      IPv4Addresses: up ? [{ Address: ipv4, SubnetMask: "255.255.255.0", AddressOrigin: "DHCP", Gateway: "198.51.100.1" }] : [],
      IPv6Addresses: up ? [{ Address: linkLocal(mac), PrefixLength: 64, AddressOrigin: "LinkLocal", AddressState: "Preferred" }] : [],
      VLAN: { VLANEnable: false, VLANId: 0 },
      Status: up ? enabled : { State: "Enabled", Health: "OK" },
    };
  },
};

function member(part: Part, paths: Paths, ctx: RequestContext): Body | Reply {
  const ids = part.ids(ctx);
  const index = ids.findIndex((id) => id.toLowerCase() === ctx.params.id.toLowerCase());
  if (index < 0) return missing(ctx);
  const type = part.memberType?.(ctx) ?? part.type;
  return resource(ctx, type, `${part.base(paths)}/${ids[index]}`, { Id: ids[index], ...part.body(ctx, index) });
}

/** Processors, DIMM sockets and host NIC ports: collections of generated members. */
export function systemPartRoutes(paths: Paths): Route[] {
  return [processors, dimmMembers, ethernet].flatMap((part): Route[] => {
    const base = part.base(paths);
    return [
      getRoute(base, (ctx) => collection(ctx, part.type, base, part.name, part.ids(ctx).map((id) => `${base}/${id}`)), part.available),
      getRoute(`${base}/:id`, (ctx) => member(part, paths, ctx), part.available),
    ];
  });
}

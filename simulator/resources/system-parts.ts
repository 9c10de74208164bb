import { redfishError } from "../http/errors";
import { ok, type Reply, type RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { collection, enabled, findIndex, resource, type Body } from "./odata";
import type { Paths } from "./paths";

interface Part {
  name: string;
  type: string;
  base: (paths: Paths) => string;
  count: (ctx: RequestContext) => number;
  id: (ctx: RequestContext, n: number) => string;
  body: (ctx: RequestContext, n: number) => Body;
}

const parts: Part[] = [
  {
    name: "Processors Collection",
    type: "Processor",
    base: (paths) => paths.processors,
    count: (ctx) => ctx.bmc.modelSpec.cpu.count,
    id: (ctx, n) => ctx.bmc.profile.ids.processor(n),
    body: (ctx, n) => {
      const { cpu } = ctx.bmc.modelSpec;
      return {
        Name: `CPU ${n}`,
        Socket: `CPU ${n}`,
        ProcessorType: "CPU",
        ProcessorArchitecture: "x86",
        InstructionSet: "x86-64",
        Manufacturer: "Intel(R) Corporation",
        Model: cpu.model,
        MaxSpeedMHz: cpu.speedMhz,
        TotalCores: cpu.cores,
        TotalThreads: cpu.threads,
        Status: enabled,
      };
    },
  },
  {
    name: "Memory Collection",
    type: "Memory",
    base: (paths) => paths.memory,
    count: (ctx) => ctx.bmc.modelSpec.dimms.count,
    id: (ctx, n) => ctx.bmc.profile.ids.dimm(n),
    body: (ctx, n) => {
      const { dimms } = ctx.bmc.modelSpec;
      return {
        Name: `DIMM ${n}`,
        CapacityMiB: dimms.sizeMiB,
        MemoryDeviceType: dimms.type,
        MemoryType: "DRAM",
        OperatingSpeedMhz: dimms.speedMhz,
        Manufacturer: "Hynix Semiconductor",
        PartNumber: dimms.partNumber,
        SerialNumber: ctx.bmc.identity.dimmSerials[n - 1],
        Status: enabled,
      };
    },
  },
  {
    name: "System Ethernet Interface Collection",
    type: "EthernetInterface",
    base: (paths) => paths.ethernet,
    count: (ctx) => ctx.bmc.modelSpec.nicPorts,
    id: (ctx, n) => ctx.bmc.profile.ids.nic(n),
    body: (ctx, n) => {
      const mac = ctx.bmc.identity.macs[n - 1];
      return {
        Name: `System Ethernet Interface ${n}`,
        MACAddress: mac,
        PermanentMACAddress: mac,
        SpeedMbps: 25000,
        FullDuplex: true,
        LinkStatus: "LinkUp",
        InterfaceEnabled: true,
        Status: enabled,
      };
    },
  },
];

function member(part: Part, paths: Paths, ctx: RequestContext): Reply {
  const n = findIndex(part.count(ctx), (i) => part.id(ctx, i), ctx.params.id);
  if (n === 0) return redfishError(ctx.bmc.profile, 404, "ResourceMissingAtURI", { args: [ctx.path] });
  const id = part.id(ctx, n);
  return ok(resource(ctx, part.type, `${part.base(paths)}/${id}`, { Id: id, ...part.body(ctx, n) }));
}

/** Processors, DIMMs and host NIC ports: collections of generated members. */
export function systemPartRoutes(paths: Paths): Route[] {
  return parts.flatMap((part): Route[] => [
    {
      method: "GET",
      pattern: part.base(paths),
      handler: (ctx) => {
        const base = part.base(paths);
        const members = Array.from({ length: part.count(ctx) }, (_, i) => `${base}/${part.id(ctx, i + 1)}`);
        return ok(collection(ctx, part.type, base, part.name, members));
      },
    },
    { method: "GET", pattern: `${part.base(paths)}/:id`, handler: (ctx) => member(part, paths, ctx) },
  ]);
}

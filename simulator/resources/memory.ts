import { dimmId, listedDimms } from "../bmc/hardware";
import type { RequestContext } from "../http/reply";
import type { Body } from "./odata";
import type { Part } from "./system-parts";

/**
 * DIMM sockets. iLO and XCC list every socket, the empty ones `Status.State: Absent` with no
 * capacity, so a crawl that counts members over-counts; iDRAC and Supermicro list populated ones.
 */
export const dimmMembers: Part = {
  name: "Memory Collection",
  type: "Memory",
  memberType: (ctx) => (ctx.bmc.profile.dimmBody ? "HpMemory" : "Memory"),
  base: (paths) => paths.memory,
  ids: (ctx) => listedDimms(ctx.bmc).map((slot) => dimmId(ctx.bmc, slot)),
  body: (ctx, index) => dimmBody(ctx, index),
};

function dimmBody(ctx: RequestContext, index: number): Body {
  const { bmc } = ctx;
  const slot = listedDimms(bmc)[index];
  const id = dimmId(bmc, slot);
  if (bmc.profile.dimmBody) return bmc.profile.dimmBody(bmc, slot, id);
  const { dimms } = bmc.modelSpec;
  const location = {
    Name: id,
    DeviceLocator: `PROC ${slot.cpu} DIMM ${slot.slot}`,
    MemoryLocation: { Socket: slot.cpu, MemoryController: Math.ceil(slot.slot / 8), Channel: Math.ceil(slot.slot / 2), Slot: slot.slot },
    Oem: bmc.profile.dimmOem?.(slot.present),
  };
  if (!slot.present) return { ...location, CapacityMiB: 0, MemoryType: "DRAM", Status: { State: "Absent", Health: "OK" } };
  return {
    ...location,
    CapacityMiB: dimms.sizeMiB,
    MemoryDeviceType: dimms.type,
    MemoryType: "DRAM",
    BaseModuleType: "RDIMM",
    OperatingSpeedMhz: dimms.speedMhz,
    AllowedSpeedsMHz: [dimms.speedMhz],
    RankCount: 2,
    DataWidthBits: 64,
    BusWidthBits: 72,
    ErrorCorrection: "MultiBitECC",
    Manufacturer: dimms.manufacturer,
    PartNumber: dimms.partNumber,
    SerialNumber: bmc.identity.dimmSerials[slot.dimm],
    Status: { State: "Enabled", Health: "OK" },
  };
}

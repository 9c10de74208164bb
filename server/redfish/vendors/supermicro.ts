import { componentTarget } from "../update/choose";
import type { VendorQuirks } from "./types";

/** Keep the BIOS and BMC settings across the flash, as Supermicro's own tools do by default. */
const PRESERVE = {
  bios: {
    BIOS: {
      PreserveME: false,
      PreserveNVRAM: false,
      PreserveSMBIOS: true,
      PreserveOA: true,
      PreserveSETUPCONF: true,
      PreserveSETUPPWD: true,
      PreserveSECBOOTKEY: true,
      PreserveBOOTCONF: true,
    },
  },
  bmc: { BMC: { PreserveCfg: true, PreserveSdr: true, PreserveSsl: true } },
};

export const supermicro: VendorQuirks = {
  name: "Supermicro",
  update: {
    // X12/X13 SimpleUpdate wants Targets: the system for BIOS, the manager for the BMC (Supermicro FAQ 45630).
    simpleUpdateTargets: (request) => {
      const target = componentTarget(request);
      return target ? [target] : undefined;
    },
    // X12/X13 push is two-phase: a multipart upload with OnStartUpdateRequest creates a "Verify" task, then
    // UpdateService.StartUpdate creates the "Update" task; the BIOS target is the system's Bios resource
    // (bmc-toolbox/bmclib providers/supermicro/x12_firmware.go).
    twoPhasePush: (request) => {
      const { component, systemPath, inventoryId } = request;
      const target = component === "bios" ? `${systemPath.replace(/\/$/, "")}/Bios` : componentTarget(request);
      const oem = component === "bios" || component === "bmc" ? { Supermicro: PRESERVE[component] } : {};
      return { targets: target ? [target] : inventoryId ? [inventoryId] : [], oem };
    },
  },
};

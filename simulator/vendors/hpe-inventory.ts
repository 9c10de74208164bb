import type { Bmc } from "../bmc/bmc";
import { pathsOf } from "../resources/paths";
import type { FirmwareType } from "../types";
import { romFamily } from "./hpe-versions";
import type { InventoryEntry } from "./types";

/** HPE's device classes: iLO reports them in each entry's `Oem.Hpe.DeviceClass`. */
const DEVICE_CLASS = {
  SystemBMC: "2f317b9d-c9e3-4d76-bff6-b9d0d085a952",
  SystemRomActive: "aa148d2e-6e09-453e-bc6f-63baa5f5ccc4",
  PlatformDefinitionTable: "b8f46d06-85db-465c-94fb-d106e61378ed",
  SystemProgrammableLogicDevice: "b1ad439a-9dd1-41c1-a496-2da9313f1f07",
  PowerManagementController: "9e48a28a-586c-4519-8405-a04f84e27f0f",
  PowerSupplies: "6bb86077-0275-4614-aae1-86618e8b1c27",
  InnovationEngineFirmware: "c734e171-8721-48c9-9ed6-d5bc7da5ef8d",
  SPSFirmwareVersionData: "b34e5677-21dc-45d3-872b-42f76fee9053",
  SPSFirmwareDescriptor: "3f30a329-d03c-46b8-8f0e-9567fad4ea9f",
  "Intelligent Provisioning": "ac963eeb-ed78-4f36-c18c-29d85f34a0ac",
  Drive: "f6de0320-2e0f-489a-b238-6dd8ae7c3811",
} as const;

interface Part {
  name: string;
  /** iLO's `Description`: the device class name, or the PCI ids of an adapter. */
  description: string;
  version: string;
  updateable: boolean;
  /** iLO leaves `Status` out of backup banks and some embedded parts. */
  status?: boolean;
  context?: string;
  type?: FirmwareType;
  /** Only on Gen10 and later (iLO 5): the Innovation Engine, the SPS descriptor, the PMC bootloader... */
  gen10?: boolean;
}

function entry(bmc: Bmc, part: Part): InventoryEntry {
  const deviceClass = (DEVICE_CLASS as Record<string, string>)[part.description] ?? null;
  const oemKey = bmc.profile.key === "hpe-ilo4" ? "Hp" : "Hpe";
  return {
    id: "",
    type: part.type,
    name: part.name,
    version: part.version,
    updateable: part.updateable,
    description: part.description,
    status: part.status === false ? null : { State: "Enabled", Health: "OK" },
    oem: {
      [oemKey]: {
        "@odata.type": `#${oemKey}iLOSoftwareInventory.v2_0_0.${oemKey}iLOSoftwareInventory`,
        DeviceClass: deviceClass,
        DeviceContext: part.context ?? "System Board",
      },
    },
  };
}

/** A component entry (one Rackpilot can flash) in iLO's shape. */
function component(bmc: Bmc, components: InventoryEntry[], type: FirmwareType, description: string, context?: string): Part {
  const found = components.find((candidate) => candidate.type === type);
  if (!found) throw new Error(`${bmc.profile.key} declares no ${type} component`);
  return { name: found.name, description, version: found.version, updateable: true, context, type };
}

/**
 * iLO 5's firmware inventory as a DL360 Gen10 Plus with iLO 5 2.55 lists it: numbered members, the
 * redundant ROM, CPLD, SPS, IE, Intelligent Provisioning, power supplies, TPM, adapters and every
 * drive; `Updateable` mixed; drives carry HPE's `SoftwareId` (`<device class>:<target>`).
 */
export function hpeInventory(bmc: Bmc, components: InventoryEntry[]): InventoryEntry[] {
  const bios = components.find((candidate) => candidate.type === "bios")?.version;
  const gen9 = bmc.profile.key === "hpe-ilo4";
  const family = romFamily(bios, gen9 ? "P89" : "U46");
  const { hardware } = bmc.profile;
  const parts: Part[] = [
    component(bmc, components, "bmc", "SystemBMC"),
    component(bmc, components, "bios", "SystemRomActive"),
    { name: "Intelligent Platform Abstraction Data", description: "PlatformDefinitionTable", version: "9.2.0 Build 35", updateable: true },
    { name: "System Programmable Logic Device", description: "SystemProgrammableLogicDevice", version: "0x15", updateable: true },
    { name: "Power Management Controller Firmware", description: "PowerManagementController", version: "1.0.7", updateable: true },
    ...[1, 2].map((bay) => ({
      name: "Power Supply Firmware",
      description: "PowerSupplies",
      version: hardware.psu.firmware,
      updateable: true,
      context: `Bay ${bay}`,
    })),
    { name: "Innovation Engine (IE) Firmware", description: "InnovationEngineFirmware", version: "1.0.0.20", updateable: true, gen10: true },
    { name: "Server Platform Services (SPS) Firmware", description: "SPSFirmwareVersionData", version: gen9 ? "3.1.3.21.0" : "4.4.4.53", updateable: true },
    { name: "Server Platform Services (SPS) Descriptor", description: "SPSFirmwareDescriptor", version: "1.2 0", updateable: true, gen10: true },
    {
      name: "Redundant System ROM",
      description: "SystemRomBackup",
      version: bmc.updates.previous.get("bios") ?? (gen9 ? `${family} v2.52 (10/25/2017)` : `${family} v1.42 (05/26/2021)`),
      updateable: false,
      status: false,
    },
    { name: "Intelligent Provisioning", description: "Intelligent Provisioning", version: gen9 ? "2.70.23" : "3.64.2", updateable: false, status: false },
    {
      name: "Power Management Controller FW Bootloader",
      description: "PowerManagementControllerBootloader",
      version: "1.1",
      updateable: false,
      status: false,
      gen10: true,
    },
    { name: "TPM Firmware", description: "TPMFirmware", version: "7.2.2.0", updateable: false, gen10: true },
    component(bmc, components, "storage_controller", hardware.storagePci.join("").replace(/0x/g, ""), "Slot 0"),
    component(bmc, components, "nic", hardware.nicAdapter.pci.join("").replace(/0x/g, ""), "PCI-E Slot 1"),
    { name: "Embedded Video Controller", description: "102b0538159000e4", version: "2.5", updateable: false, context: "Embedded Device", gen10: true },
    component(bmc, components, "service_pack", "ServicePack"),
  ];
  const numbered = parts.filter((part) => !gen9 || !part.gen10).map((part, i) => ({ ...entry(bmc, part), id: String(i + 1) }));
  return [...numbered, ...drives(bmc, numbered.length)];
}

function drives(bmc: Bmc, before: number): InventoryEntry[] {
  const { drives: spec } = bmc.modelSpec;
  const paths = pathsOf(bmc.profile);
  return Array.from({ length: spec.count }, (_, i) => {
    const target = `562340a5-${bmc.derive(`drive-target/${i}`).hex(4)}-3030-3936-304b5841564c`;
    const drive = bmc.storage === "smart-storage" ? `${paths.diskDrives}/${i}` : `${paths.storage}/Drives/${bmc.profile.ids.drive(i + 1)}`;
    return {
      ...entry(bmc, { name: "Drive", description: spec.model, version: spec.firmware, updateable: false, context: `Port=1I:Box=1:Bay=${i + 1}` }),
      id: String(before + i + 1),
      softwareId: `${DEVICE_CLASS.Drive}:${target}`,
      related: [drive],
    };
  });
}

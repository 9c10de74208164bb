import type { Bmc } from "../bmc/bmc";
import { iloInventoryVersion } from "./hpe-versions";
import type { ComponentSpec, VendorProfile } from "./types";

/** What iLO 4 and iLO 5 share: the messages of the iLO registry, BIOS settings, and the chassis parts. */
export const iloRegistry: NonNullable<VendorProfile["oemRegistry"]> = {
  prefix: "iLO",
  version: "2.14.0",
  messages: {
    ResetRequired: "Changes require a system reset to take effect.",
    SystemResetRequired: "The system properties were successfully changed, but the system must be reset for the changes to take effect.",
    EventLogCleared: "Event log cleared successfully.",
    FirmwareFlashInProgress: "A firmware flash is already in progress.",
    LicenseKeyRequired: "The requested feature requires a license key.",
    UnauthorizedLoginAttempt: "The login attempt was unauthorized.",
  },
};

/** A handful of the System ROM's settings, enough for clients that read the serial number or the boot mode. */
export function hpeBiosAttributes(bmc: Bmc): Record<string, unknown> {
  return {
    AdminName: "",
    AssetTagProtection: "Unlocked",
    BootMode: "Uefi",
    BootOrderPolicy: "RetryIndefinitely",
    IntelProcVtd: "Enabled",
    PowerRegulator: "DynamicPowerSavings",
    ProcHyperthreading: "Enabled",
    ProcVirtualization: "Enabled",
    ProductId: bmc.identity.sku,
    SerialNumber: bmc.identity.serial,
    ServerName: bmc.identity.hostName,
    Sriov: "Enabled",
    WorkloadProfile: "GeneralPowerEfficientCompute",
  };
}

/** Descriptions iLO writes on its collections and services (iLO 5 2.55 capture). */
export const hpeDescriptions: Partial<Record<string, string>> = {
  ComputerSystemCollection: "Computer Systems view",
  ManagerCollection: "Managers view",
  ChassisCollection: "Computer System Chassis",
  ProcessorCollection: "Processors view",
  MemoryCollection: "Memory DIMM Collection",
  EthernetInterfaceCollection: "Collection of System Ethernet Interfaces",
  SoftwareInventoryCollection: "Firmware Inventory Collection",
  UpdateService: "iLO Update Service",
  SessionService: "Session Service",
  AccountService: "iLO User Accounts",
  EventService: "Event Subscription service",
  ManagerNetworkProtocol: "Manager Network Service",
  LogServiceCollection: "iLO Log Service Collection",
  MessageRegistryFileCollection: "Registry Repository",
  JsonSchemaFileCollection: "Schema Repository",
};

export const hpeChassisHardware = {
  psu: {
    model: "865414-B21",
    partNumber: "866730-001",
    firmware: "1.00",
    watts: 800,
    manufacturer: "DELTA",
    name: () => "HpeServerPowerSupply",
  },
  fans: { count: 7, name: (n: number) => `Fan ${n}`, unit: "Percent" as const, reading: 23 },
  temperatures: { inlet: "01-Inlet Ambient", cpu: (n: number) => `0${n + 1}-CPU ${n}`, system: "12-Sys Exhaust" },
};

export const hpeEtag: NonNullable<VendorProfile["etag"]> = {
  format: (hash) => `W/"${hash.toString(16).toUpperCase().padStart(8, "0")}"`,
  inBody: true,
};

/**
 * The components Rackpilot flashes on an HPE server, named and versioned per generation. iLO numbers
 * its inventory by position, so their ids come from the inventory (`hpeInventory`), not from here.
 */
type Flashed = "bmc" | "bios" | "storage_controller" | "nic";

export function hpeComponents(names: Record<Flashed, string>, versions: Record<Flashed | "service_pack", string[]>): ComponentSpec[] {
  const component = (type: Flashed | "service_pack", name: string): ComponentSpec => ({
    type,
    id: () => "",
    name: () => name,
    softwareId: "",
    versions: versions[type],
    ...(type === "bmc" && { inventoryVersion: iloInventoryVersion }),
  });
  return [
    component("bmc", names.bmc),
    component("bios", names.bios),
    component("storage_controller", names.storage_controller),
    component("nic", names.nic),
    component("service_pack", "Service Pack for ProLiant"),
  ];
}

import type { Rng } from "../rng";
import type { FirmwareType, FirmwareVersions } from "../types";
import type { ModelSpec, VendorProfile } from "../vendors/types";

export interface Identity {
  serial: string;
  sku: string;
  uuid: string;
  managerUuid: string;
  hostName: string;
  /** Host NIC ports, then the BMC's own port last. */
  macs: string[];
  bmcMac: string;
  /** Serial numbers of the populated DIMMs, in socket order, and of the drives. */
  dimmSerials: string[];
  driveSerials: string[];
}

export function makeIdentity(profile: VendorProfile, model: ModelSpec, rng: Rng): Identity {
  const serial = profile.identity.serial(rng);
  const sku = typeof model.sku === "string" ? model.sku : model.sku(rng);
  const nicBase = rng.int(0xfff000);
  const macs = Array.from({ length: model.nicPorts }, (_, port) => mac(profile.identity.oui, nicBase + port));
  return {
    serial,
    sku,
    uuid: uuid(rng, profile.identity.uuidPrefix),
    managerUuid: uuid(rng),
    hostName: `${model.hostPrefix}-${(profile.key === "dell" ? sku : serial).toLowerCase()}`,
    macs,
    bmcMac: mac(profile.identity.oui, rng.int(0xffffff)),
    dimmSerials: Array.from({ length: model.dimms.count }, () => rng.hex(8).toUpperCase()),
    driveSerials: Array.from({ length: model.drives.count }, () => rng.chars("0123456789ABCDEFGHJKLMNPRSTVWXYZ", 12)),
  };
}

/** Seeded initial firmware: one of each component's known versions unless the config pins it. */
export function initialFirmware(profile: VendorProfile, rng: Rng, pinned: FirmwareVersions): Map<FirmwareType, string> {
  return new Map(profile.components.map((component) => [component.type, pinned[component.type] ?? rng.pick(component.versions)]));
}

function mac(oui: string, suffix: number): string {
  const tail = [(suffix >>> 16) & 255, (suffix >>> 8) & 255, suffix & 255].map((byte) => byte.toString(16).padStart(2, "0"));
  return [oui, ...tail].join(":").toUpperCase();
}

function uuid(rng: Rng, prefix = ""): string {
  const hex = (prefix + rng.hex(32)).slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

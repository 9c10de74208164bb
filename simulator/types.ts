export const VENDOR_KEYS = ["dell", "hpe-ilo5", "hpe-ilo4", "supermicro", "lenovo", "openbmc"] as const;
export type VendorKey = (typeof VENDOR_KEYS)[number];

/** What `--vendor mixed` deals round-robin; `openbmc` came later and stays out so the rotation stays as it was. */
export const MIXED_VENDORS = ["dell", "hpe-ilo5", "hpe-ilo4", "supermicro", "lenovo"] as const satisfies readonly VendorKey[];

/** The `vendor` field of a firmware image: iLO 4 and iLO 5 both take HPE images. */
export const IMAGE_VENDORS = ["dell", "hpe", "supermicro", "lenovo", "openbmc"] as const;
export type ImageVendor = (typeof IMAGE_VENDORS)[number];

export const FIRMWARE_TYPES = ["bios", "bmc", "storage_controller", "lsi_3108", "service_pack", "nic"] as const;
export type FirmwareType = (typeof FIRMWARE_TYPES)[number];

export type PowerState = "On" | "Off" | "PoweringOn" | "PoweringOff";

export interface Faults {
  /** Added before every answer. */
  latencyMs?: number;
  /** Fraction (0..1) of requests answered with a 500 Redfish error. */
  errorRate?: number;
  /** Fraction (0..1) of requests whose TCP connection is reset instead of answered. */
  resetRate?: number;
  /** Accept connections and requests but never answer. */
  hang?: boolean;
  /** Firmware update tasks end in Exception (a string replaces the default message). */
  failTasks?: boolean | string;
  /** Overrides the idle session timeout (e.g. 1 expires sessions almost at once). */
  sessionTimeoutMs?: number;
  /** After `attempts` bad logins the account locks for `durationMs`; even the right password gets 401. */
  lockout?: { attempts: number; durationMs: number };
}

export interface Timings {
  /** Each PoweringOn / PoweringOff phase. */
  powerMs: number;
  /** Flashing phase of a firmware update (download time comes on top). */
  taskMs: number;
  /** Window during which a BMC that flashed itself answers 503. */
  bmcRestartMs: number;
  /** Idle timeout of a session. */
  sessionTimeoutMs: number;
}

export type FirmwareVersions = Partial<Record<FirmwareType, string>>;

/** Firmware variants a profile can be switched to (see each profile's `quirks`). */
export interface Quirks {
  /** Storage only under `Oem.Hpe.Links.SmartStorage`, no DMTF `Storage` (iLO 5 2.46, as on a DL325 Gen10 Plus). */
  smartStorageOnly?: boolean;
  /** Every `@odata.id` ends in `/` (older iLO 5 firmware); current iLO 5 firmware writes them without. */
  trailingSlash?: boolean;
}

export const QUIRK_KEYS = ["smartStorageOnly", "trailingSlash"] as const satisfies readonly (keyof Quirks)[];

/**
 * How a BMC behaves around updates, each switchable per BMC (`habits` in the config). A profile
 * offers the habits its family has, with its own defaults (`VendorProfile.habits`).
 */
export interface Habits {
  /** A BMC reset (its own flash, `Manager.Reset`) ends every session. Every profile; default on. */
  dropSessionsOnReset?: boolean;
  /** After a flash, the versions a client reads stay the old ones this long. Every profile; default 0. */
  inventoryLagMs?: number;
  /** Update tasks vanish from TaskService (and monitors) as soon as they are accepted; Dell keeps the job. Profiles with tasks; default off. */
  tasksPurgedEarly?: boolean;
  /** Dell: an image whose version is already installed completes with "already present" and applies nothing, unless `ForceUpdate`. Default on. */
  alreadyPresent?: boolean;
  /** Supermicro: no SFT-OOB-LIC/SFT-DCMS licence, so BIOS and BMC updates answer 403 "Not licensed". Default off. */
  unlicensed?: boolean;
  /** iLO 5: a `.fwpkg` (or Smart Component) ImageURI answers 200 and is never flashed. Default on. */
  ignoresPackages?: boolean;
  /** Lenovo XCC: pushes are claimed through `HttpPushUriTargetsBusy`; a push while another session holds the claim is refused. Default on. */
  pushClaim?: boolean;
  /** OpenBMC: a BIOS image is only written while the host is off; with the host on its task ends in Exception. Default on. */
  biosNeedsHostOff?: boolean;
}

export const HABIT_KEYS = [
  "dropSessionsOnReset",
  "inventoryLagMs",
  "tasksPurgedEarly",
  "alreadyPresent",
  "unlicensed",
  "ignoresPackages",
  "pushClaim",
  "biosNeedsHostOff",
] as const satisfies readonly (keyof Habits)[];

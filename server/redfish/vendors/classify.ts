import type { FirmwareComponent } from "../inventory/types";
import type { FirmwareFacts, VendorQuirks } from "./types";

const RULES: [FirmwareComponent, RegExp][] = [
  ["bios", /\b(bios|uefi|system rom)\b/i],
  ["bmc", /\b(bmc|idrac|ilo|xcc|xclarity controller|baseboard management controller|integrated dell remote access controller)\b/i],
  ["storage_controller", /\b(raid|perc|smart array|megaraid|hba|storage controller|simple storage|sas controller)\b/i],
  ["nic", /\b(ethernet|nic|network adapter|connectx|\d+\s?gbe?)\b/i],
];

/** Firmware that is not what runs now (backup banks, previous versions) or not a device of its own. */
const NOT_RUNNING = /\b(backup|redundant|previous|recovery)\b/i;
/** Parts whose names mention a controller but carry their own firmware. */
const OTHER_PARTS = /\b(disk|drive|backplane|enclosure|power supply|psu|cpld|service module|driver pack|diagnostics|os collector)\b/i;

/**
 * The component of a firmware inventory entry: the vendor's own rules first, then what its
 * `RelatedItem` points at, then its name.
 */
export function classifyFirmware(facts: FirmwareFacts, quirks: VendorQuirks): FirmwareComponent {
  const vendor = quirks.classifyFirmware?.(facts);
  if (vendor) return vendor;
  // Ids like `Installed-107145-4.35__Enclosure.Internal.0-1` hold words too: split them out.
  const label = [facts.name, facts.id.replace(/[_.:-]+/g, " ")].filter(Boolean).join(" ");
  // A disk or backplane relates to the storage it sits in, yet it is not the controller.
  if (NOT_RUNNING.test(label) || OTHER_PARTS.test(label)) return "other";
  if (facts.related === "system" && /bios|uefi|rom/i.test(label)) return "bios";
  if (facts.related === "manager") return "bmc";
  if (facts.related === "storage") return "storage_controller";
  if (facts.related === "network") return "nic";
  if (facts.related === "system") return "bios";
  return RULES.find(([, pattern]) => pattern.test(label))?.[0] ?? "other";
}

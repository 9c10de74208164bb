import { MIXED_VENDORS, type ImageVendor, type VendorKey } from "../types";
import { dell } from "./dell";
import { hpeIlo4 } from "./hpe-ilo4";
import { hpeIlo5 } from "./hpe-ilo5";
import { lenovo } from "./lenovo";
import { openbmc } from "./openbmc";
import { supermicro } from "./supermicro";
import type { VendorProfile } from "./types";

export const PROFILES: Record<VendorKey, VendorProfile> = {
  dell,
  "hpe-ilo5": hpeIlo5,
  "hpe-ilo4": hpeIlo4,
  supermicro,
  lenovo,
  openbmc,
};

export type VendorChoice = VendorKey | "mixed";

/** `mixed` deals the five original profiles round-robin by BMC index, so a fleet's mix is reproducible. */
export function profileFor(choice: VendorChoice, index: number): VendorProfile {
  return PROFILES[choice === "mixed" ? MIXED_VENDORS[index % MIXED_VENDORS.length] : choice];
}

/** The image vendor a CLI name stands for (`hpe-ilo5` -> `hpe`). */
export function imageVendorOf(name: string): ImageVendor | undefined {
  if (name === "hpe") return "hpe";
  return (PROFILES as Record<string, VendorProfile | undefined>)[name]?.family;
}

import { dell } from "./dell";
import { generic } from "./generic";
import { hpe } from "./hpe";
import { lenovo } from "./lenovo";
import { vendorFamily } from "./manufacturers";
import type { VendorQuirks } from "./types";

export { canonicalManufacturer, vendorFamily, type VendorFamily } from "./manufacturers";
export type { VendorQuirks } from "./types";

const BY_FAMILY: Record<string, VendorQuirks> = { dell, hpe, lenovo };

/** The quirks of the vendor a service root or system names (any alias: `Dell Inc.`, `HP`...). */
export function quirksFor(...names: (string | null | undefined)[]): VendorQuirks {
  for (const name of names) {
    const family = vendorFamily(name);
    if (family && BY_FAMILY[family]) return BY_FAMILY[family];
  }
  return generic;
}

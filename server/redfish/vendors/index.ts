import { canonicalVendor } from "~/server/lib/vendors";
import { dell } from "./dell";
import { generic } from "./generic";
import { hpe } from "./hpe";
import { lenovo } from "./lenovo";
import { openbmc } from "./openbmc";
import { supermicro } from "./supermicro";
import type { VendorQuirks } from "./types";

export type { VendorQuirks } from "./types";

const BY_VENDOR: Record<string, VendorQuirks> = { Dell: dell, HPE: hpe, Lenovo: lenovo, Supermicro: supermicro, OpenBMC: openbmc };

/** The quirks of the first vendor named (any alias: `Dell Inc.`, `HP`...), else plain DMTF behaviour. */
export function quirksFor(...names: (string | null | undefined)[]): VendorQuirks {
  for (const name of names) {
    const quirks = name ? BY_VENDOR[canonicalVendor(name)] : undefined;
    if (quirks) return quirks;
  }
  return generic;
}

import type { VendorQuirks } from "./types";

/** DMTF behaviour, no quirks (Supermicro's X12/X13 and OpenBMC need none for the inventory). */
export const generic: VendorQuirks = { name: "generic" };

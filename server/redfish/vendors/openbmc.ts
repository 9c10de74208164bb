import type { VendorQuirks } from "./types";

/** DMTF behaviour for the inventory; updates are push only, which the generic rules already choose. */
export const openbmc: VendorQuirks = {
  name: "OpenBMC",
  // bmcweb writes a BIOS image only while the host is off: bmclib powers it off first
  // (bmc-toolbox/bmclib providers/openbmc/firmware.go).
  update: { hostOffFor: ["bios"] },
};

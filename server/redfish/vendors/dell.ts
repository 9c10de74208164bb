import type { VendorQuirks } from "./types";

/** iDRAC's component ids (its `SoftwareId`s) for the BIOS and for iDRAC itself (iDRAC 8/9). */
const BY_SOFTWARE_ID: Record<string, "bios" | "bmc"> = { "159": "bios", "25227": "bmc" };

export const dell: VendorQuirks = {
  name: "Dell",
  classifyFirmware({ id, softwareId }) {
    // iDRAC lists what an update replaced as `Previous-<component>-<version>` beside `Installed-...`,
    // and the BIOS a second time as `Current-...`: the `Installed-` entry is the component.
    if (/^(previous|current)-/i.test(id)) return "other";
    return softwareId ? BY_SOFTWARE_ID[softwareId] : undefined;
  },
};

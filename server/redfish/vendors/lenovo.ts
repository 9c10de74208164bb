import type { VendorQuirks } from "./types";

export const lenovo: VendorQuirks = {
  name: "Lenovo",
  classifyFirmware({ id }) {
    // XCC: `BMC-Primary` runs, `BMC-Backup` is the other flash bank; `UEFI` is the BIOS; LXPM is the provisioning manager.
    if (/^bmc-primary$/i.test(id)) return "bmc";
    if (/^bmc-backup$/i.test(id) || /^lxpm/i.test(id)) return "other";
    if (/^uefi$/i.test(id)) return "bios";
    return undefined;
  },
};

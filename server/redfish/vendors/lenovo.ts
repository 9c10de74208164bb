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
  // XCC: a push first checks that HttpPushUriTargetsBusy is false, PATCHes it to true with the targets,
  // pushes, and releases it once the update is over (bmc-toolbox/bmclib providers/lenovo/firmware_push.go).
  update: { claimsPush: true },
};

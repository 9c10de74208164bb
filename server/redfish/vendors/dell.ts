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
  // iDRAC9 ids embed the version (`Installed-159-1.2.4__BIOS.Setup.1-1`), so an update renames the entry.
  firmwareKey: (id) => id.replace(/^([a-z]+-\d+)-.*?(__.+)$/i, "$1$2").toLowerCase(),
  update: {
    // iDRAC9 pulls with SimpleUpdate (HTTP; HTTPS, NFS, CIFS from iDRAC 5.00) and takes a multipart
    // push at MultipartHttpPushUri; its HttpPushUri only uploads into the iDRAC's own repository for a
    // later SimpleUpdate (dell/iDRAC-Redfish-Scripting #51, #172), so it is never used here.
    methods: (offered) => offered.filter((method) => method !== "http_push"),
  },
};

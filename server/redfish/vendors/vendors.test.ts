import { describe, expect, it } from "vitest";
import { classifyFirmware } from "./classify";
import { quirksFor } from "./index";
import type { FirmwareFacts } from "./types";

const facts = (overrides: Partial<FirmwareFacts>): FirmwareFacts => ({ id: "x", name: null, softwareId: null, description: null, related: null, ...overrides });

describe("quirks", () => {
  it("are chosen through the vendor alias table", () => {
    expect(quirksFor(null, "Dell Inc.").name).toBe("Dell");
    expect(quirksFor("HP").name).toBe("HPE");
    expect(quirksFor("Contoso").name).toBe("generic");
  });
});

describe("firmware components", () => {
  const generic = quirksFor(null);
  it("uses RelatedItem, then names", () => {
    expect(classifyFirmware(facts({ name: "Contoso BMC Firmware", related: "manager" }), generic)).toBe("bmc");
    expect(classifyFirmware(facts({ name: "Storage firmware", related: "storage" }), generic)).toBe("storage_controller");
    expect(classifyFirmware(facts({ name: "BIOS", related: "system" }), generic)).toBe("bios");
    expect(classifyFirmware(facts({ name: "PERC H755 Front" }), generic)).toBe("storage_controller");
    expect(classifyFirmware(facts({ name: "Broadcom Adv. Dual 25Gb Ethernet" }), generic)).toBe("nic");
    expect(classifyFirmware(facts({ name: "Disk 0 in Backplane 1 of RAID Controller" }), generic)).toBe("other");
    expect(classifyFirmware(facts({ name: "BMC Backup" }), generic)).toBe("other");
    expect(classifyFirmware(facts({ name: "Power Supply Unit" }), generic)).toBe("other");
  });

  it("applies each vendor's own ids first", () => {
    expect(classifyFirmware(facts({ id: "Previous-159-1.8.2", name: "BIOS", softwareId: "159" }), quirksFor("Dell"))).toBe("other");
    expect(classifyFirmware(facts({ id: "Installed-25227-6.10.30.00", name: "Integrated Dell Remote Access Controller", softwareId: "25227" }), quirksFor("Dell"))).toBe("bmc");
    expect(classifyFirmware(facts({ id: "iDRAC Service Module", name: "iDRAC Service Module" }), quirksFor("Dell"))).toBe("other");
    expect(classifyFirmware(facts({ id: "BMC-Backup", name: "XCC Backup" }), quirksFor("Lenovo"))).toBe("other");
    expect(classifyFirmware(facts({ id: "2", name: "System ROM", description: "SystemRomActive" }), quirksFor("HPE"))).toBe("bios");
    expect(classifyFirmware(facts({ id: "5", name: "Service Pack for ProLiant" }), quirksFor("HPE"))).toBe("other");
  });
});

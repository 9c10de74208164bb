import { describe, expect, it } from "vitest";
import { toRule } from "./rules";

const binary = { id: 7, name: "Broadcom 100%_NIC", firmwareType: "nic", version: "22.00.7", manufacturer: "Dell", models: [" PowerEdge R750 ", "poweredge r750", "PowerEdge R650"] };
const fleet = ["Dell", "HPE", "Supermicro", "Contoso Ltd", "Contoso"];

describe("toRule", () => {
  it("keeps the server manufacturers that name the binary's vendor, through the alias table", () => {
    expect(toRule({ ...binary, manufacturer: "Dell Inc." }, fleet).vendors).toEqual(["Dell"]);
    expect(toRule({ ...binary, manufacturer: "Hewlett Packard Enterprise" }, fleet).vendors).toEqual(["HPE"]);
    expect(toRule({ ...binary, manufacturer: "Super Micro Computer, Inc." }, fleet).vendors).toEqual(["Supermicro"]);
    expect(toRule({ ...binary, manufacturer: "Contoso" }, fleet).vendors).toEqual(["Contoso Ltd", "Contoso"]);
    expect(toRule({ ...binary, manufacturer: "Lenovo" }, fleet).vendors).toEqual([]);
  });

  it("compares models trimmed and lower-cased, once each", () => {
    expect(toRule(binary, fleet).models).toEqual(["poweredge r750", "poweredge r650"]);
  });

  it("reads BIOS and BMC from the server, the seed's keyword types by keyword, anything else by name", () => {
    const kinds = ["bios", "bmc", "storage_controller", "lsi_3108", "service_pack", "nic", "other"].map((firmwareType) => toRule({ ...binary, firmwareType }, fleet).match);
    expect(kinds).toEqual(["bios", "bmc", "keywords", "keywords", "keywords", "name", "name"]);
  });

  it("matches a name literally: LIKE wildcards in it are escaped", () => {
    expect(toRule(binary, fleet).namePattern).toBe("%broadcom 100\\%\\_nic%");
  });
});

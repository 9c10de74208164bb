import { describe, expect, it } from "vitest";
import { idOf, isBareLink, linkOf, linksOf, nextPage, pageMembers, pathKey, pathOf, prop } from "./odata";

describe("odata helpers", () => {
  it("reads properties and links whatever their case, as @odata.id or legacy href", () => {
    expect(prop({ members: [1] }, "Members")).toEqual([1]);
    expect(linkOf({ systems: { "@odata.id": "/redfish/v1/Systems" } }, "Systems")).toBe("/redfish/v1/Systems");
    expect(linkOf({ links: { sessions: { "@odata.id": "/s" } } }, "Sessions")).toBe("/s");
    expect(linkOf({ links: { Systems: { href: "/rest/v1/Systems" } } }, "Systems")).toBe("/rest/v1/Systems");
    expect(linkOf({ Bios: { Current: { VersionString: "x" } } }, "Bios")).toBeNull();
    expect(linksOf([{ "@odata.id": "/a" }, { href: "/b" }, {}])).toEqual(["/a", "/b"]);
    expect(idOf({ links: { self: { href: "/rest/v1/Systems/1" } } })).toBe("/rest/v1/Systems/1");
  });

  it("finds members as Members, Items or links.Member, and the next page", () => {
    expect(pageMembers({ Members: [{ "@odata.id": "/a" }] })).toEqual([{ "@odata.id": "/a" }]);
    expect(pageMembers({ Items: [{ Id: "1" }], links: { Member: [{ href: "/x" }] } })).toEqual([{ Id: "1" }]);
    expect(pageMembers({ links: { Member: [{ href: "/x" }] } })).toEqual([{ href: "/x" }]);
    expect(nextPage({ "Members@odata.nextLink": "/c?$skip=2" }, "/c")).toBe("/c?$skip=2");
    expect(nextPage({ links: { NextPage: { page: 3 } } }, "/rest/v1/Systems?page=2")).toBe("/rest/v1/Systems?page=3");
    expect(nextPage({ Members: [] }, "/c")).toBeNull();
  });

  it("tells a bare link from an inlined resource", () => {
    expect(isBareLink({ "@odata.id": "/a" })).toBe(true);
    expect(isBareLink({ href: "/a" })).toBe(true);
    expect(isBareLink({ "@odata.id": "/a", Id: "a", Name: "A" })).toBe(false);
  });

  it("reduces absolute or relative targets to the BMC-relative path, and compares ids loosely", () => {
    expect(pathOf("https://ilo.example.invalid/redfish/v1/SessionService/Sessions/x/")).toBe("/redfish/v1/SessionService/Sessions/x/");
    expect(pathOf("/redfish/v1/Storage/1#/StorageControllers/0")).toBe("/redfish/v1/Storage/1");
    expect(pathKey("/redfish/v1/Systems/1/")).toBe(pathKey("/redfish/v1/systems/1"));
  });
});

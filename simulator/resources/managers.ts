import { redfishError, success } from "../http/errors";
import { bodyField, ok, type RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { linkLocal } from "../bmc/hardware";
import { collection, enabled, isoNow, resource } from "./odata";
import { link, odataId, type Paths } from "./paths";

const MANAGER_RESETS = ["GracefulRestart", "ForceRestart"];

function manager(ctx: RequestContext, paths: Paths) {
  const { bmc } = ctx;
  const { profile } = bmc;
  return resource(ctx, "Manager", paths.manager, {
    Id: profile.ids.manager,
    Name: "Manager",
    ManagerType: "BMC",
    Model: bmc.modelSpec.managerModel,
    FirmwareVersion: bmc.reported("bmc"),
    UUID: bmc.identity.managerUuid,
    ServiceEntryPointUUID: bmc.identity.managerUuid,
    PowerState: "On",
    DateTime: isoNow(),
    Status: enabled,
    EthernetInterfaces: link(bmc, paths.managerNics),
    NetworkProtocol: link(bmc, paths.networkProtocol),
    LogServices: link(bmc, paths.logServices),
    Links: {
      ManagerForServers: [link(bmc, paths.system)],
      ManagerForChassis: [link(bmc, paths.chassis)],
      ManagerInChassis: link(bmc, paths.chassis),
    },
    Actions: {
      "#Manager.Reset": { target: odataId(bmc, paths.managerReset), "ResetType@Redfish.AllowableValues": MANAGER_RESETS },
    },
    Oem: profile.oem.manager?.(bmc),
  });
}

function managerNic(ctx: RequestContext, paths: Paths) {
  const { bmc } = ctx;
  const id = bmc.profile.ids.managerNic;
  if (ctx.params.id.toLowerCase() !== id.toLowerCase()) {
    return redfishError(bmc.profile, 404, "ResourceMissingAtURI", { args: [ctx.path] });
  }
  return ok(
    resource(ctx, "EthernetInterface", `${paths.managerNics}/${id}`, {
      Id: id,
      Name: "Manager Ethernet Interface",
      MACAddress: bmc.identity.bmcMac,
      PermanentMACAddress: bmc.identity.bmcMac,
      HostName: `bmc-${bmc.identity.hostName}`,
      SpeedMbps: 1000,
      FullDuplex: true,
      InterfaceEnabled: true,
      LinkStatus: "LinkUp",
      MTUSize: 1500,
      FQDN: `bmc-${bmc.identity.hostName}.localdomain`,
      DHCPv4: { DHCPEnabled: false, UseDNSServers: false, UseGateway: false },
      DHCPv6: { OperatingMode: "Disabled" },
      IPv4Addresses: [{ Address: bmc.address, SubnetMask: "255.0.0.0", AddressOrigin: "Static", Gateway: "127.0.0.1" }],
      IPv4StaticAddresses: [{ Address: bmc.address, SubnetMask: "255.0.0.0", Gateway: "127.0.0.1" }],
      IPv6Addresses: [{ Address: linkLocal(bmc.identity.bmcMac), PrefixLength: 64, AddressOrigin: "LinkLocal", AddressState: "Preferred" }],
      NameServers: [],
      VLAN: { VLANEnable: false, VLANId: 1 },
      Status: enabled,
    }),
  );
}

function resetManager(ctx: RequestContext) {
  const { profile } = ctx.bmc;
  const type = bodyField(ctx, "ResetType") ?? "GracefulRestart";
  if (typeof type !== "string" || !MANAGER_RESETS.includes(type)) {
    return redfishError(profile, 400, "ActionParameterValueNotInList", { args: [String(type), "ResetType", "Manager.Reset"] });
  }
  ctx.bmc.restartManager();
  return success(profile);
}

export function managerRoutes(paths: Paths): Route[] {
  return [
    {
      method: "GET",
      pattern: paths.managers,
      handler: (ctx) => ok(collection(ctx, "Manager", paths.managers, "Manager Collection", [paths.manager])),
    },
    { method: "GET", pattern: paths.manager, handler: (ctx) => ok(manager(ctx, paths)) },
    { method: "POST", pattern: paths.managerReset, handler: resetManager },
    {
      method: "GET",
      pattern: paths.managerNics,
      handler: (ctx) => {
        const member = `${paths.managerNics}/${ctx.bmc.profile.ids.managerNic}`;
        return ok(collection(ctx, "EthernetInterface", paths.managerNics, "Manager Ethernet Interface Collection", [member]));
      },
    },
    { method: "GET", pattern: `${paths.managerNics}/:id`, handler: (ctx) => managerNic(ctx, paths) },
  ];
}

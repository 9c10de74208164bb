import type { Bmc } from "../bmc/bmc";
import { partSerial } from "../bmc/hardware";
import type { Reply, RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { collection, enabled, getRoute, missing, resource, type Body } from "./odata";
import { link, type Paths } from "./paths";
import { controllerOf } from "./storage";

type Kind = "nic" | "storage";
const KINDS: Kind[] = ["nic", "storage"];

/** Chassis NetworkAdapters (one adapter with a port per host NIC) and PCIeDevices (the NIC and the RAID controller). */
export function networkAdapterRoutes(paths: Paths): Route[] {
  const adapter = (bmc: Bmc) => `${paths.networkAdapters}/${bmc.profile.ids.networkAdapter}`;
  const ports = (bmc: Bmc) => `${adapter(bmc)}/NetworkPorts`;
  const device = (bmc: Bmc, kind: Kind) => `${paths.pcieDevices}/${bmc.profile.ids.pcieDevice(kind)}`;
  // iLO 4 predates DMTF NetworkAdapters and PCIeDevices.
  const route = (pattern: string, render: (ctx: RequestContext) => Body | Reply) => getRoute(pattern, render, (bmc) => bmc.profile.key !== "hpe-ilo4");
  const kindOf = (ctx: RequestContext) =>
    KINDS.find((candidate) => ctx.bmc.profile.ids.pcieDevice(candidate).toLowerCase() === ctx.params.id.toLowerCase());
  const only = (ctx: RequestContext, wanted: string, render: () => Body): Body | Reply =>
    ctx.params.id.toLowerCase() === wanted.toLowerCase() ? render() : missing(ctx);
  return [
    route(paths.networkAdapters, (ctx) => collection(ctx, "NetworkAdapter", paths.networkAdapters, "Network Adapter Collection", [adapter(ctx.bmc)])),
    route(`${paths.networkAdapters}/:id`, (ctx) => only(ctx, ctx.bmc.profile.ids.networkAdapter, () => networkAdapter(ctx, adapter(ctx.bmc), device(ctx.bmc, "nic")))),
    route(`${paths.networkAdapters}/:id/NetworkPorts`, (ctx) =>
      only(ctx, ctx.bmc.profile.ids.networkAdapter, () =>
        collection(ctx, "NetworkPort", ports(ctx.bmc), "Network Port Collection", portIds(ctx.bmc).map((id) => `${ports(ctx.bmc)}/${id}`)),
      ),
    ),
    route(`${paths.networkAdapters}/:id/NetworkPorts/:port`, (ctx) => networkPort(ctx, ports(ctx.bmc))),
    route(paths.pcieDevices, (ctx) => collection(ctx, "PCIeDevice", paths.pcieDevices, "PCIe Device Collection", KINDS.map((kind) => device(ctx.bmc, kind)))),
    route(`${paths.pcieDevices}/:id`, (ctx) => {
      const kind = kindOf(ctx);
      return kind ? pcieDevice(ctx, kind, device(ctx.bmc, kind)) : missing(ctx);
    }),
    route(`${paths.pcieDevices}/:id/PCIeFunctions`, (ctx) => {
      const kind = kindOf(ctx);
      if (!kind) return missing(ctx);
      const functions = `${device(ctx.bmc, kind)}/PCIeFunctions`;
      return collection(ctx, "PCIeFunction", functions, "PCIe Function Collection", [`${functions}/0`]);
    }),
    route(`${paths.pcieDevices}/:id/PCIeFunctions/:fn`, (ctx) => {
      const kind = kindOf(ctx);
      return kind && ctx.params.fn === "0" ? pcieFunction(ctx, kind, device(ctx.bmc, kind)) : missing(ctx);
    }),
  ];
}

const portIds = (bmc: Bmc) => Array.from({ length: bmc.modelSpec.nicPorts }, (_, i) => String(i + 1));

function networkAdapter(ctx: RequestContext, path: string, pcie: string): Body {
  const { bmc } = ctx;
  const { nicAdapter } = bmc.profile.hardware;
  return resource(ctx, "NetworkAdapter", path, {
    Id: bmc.profile.ids.networkAdapter,
    Name: nicAdapter.model,
    Manufacturer: nicAdapter.manufacturer,
    Model: nicAdapter.model,
    PartNumber: nicAdapter.partNumber,
    SerialNumber: partSerial(bmc, "nic-adapter", 12),
    Controllers: [
      {
        FirmwarePackageVersion: bmc.reported("nic"),
        ControllerCapabilities: { NetworkPortCount: bmc.modelSpec.nicPorts },
        Links: { PCIeDevices: [link(bmc, pcie)], NetworkPorts: portIds(bmc).map((id) => link(bmc, `${path}/NetworkPorts/${id}`)) },
      },
    ],
    NetworkPorts: link(bmc, `${path}/NetworkPorts`),
    Status: enabled,
  });
}

function networkPort(ctx: RequestContext, ports: string): Body | Reply {
  const { bmc } = ctx;
  const n = portIds(bmc).indexOf(ctx.params.port) + 1;
  if (n === 0 || ctx.params.id.toLowerCase() !== bmc.profile.ids.networkAdapter.toLowerCase()) return missing(ctx);
  return resource(ctx, "NetworkPort", `${ports}/${n}`, {
    Id: String(n),
    Name: `Port ${n}`,
    PhysicalPortNumber: String(n),
    LinkStatus: n === 1 ? "Up" : "Down",
    CurrentLinkSpeedMbps: n === 1 ? 25000 : 0,
    AssociatedNetworkAddresses: [bmc.identity.macs[n - 1]],
    Status: enabled,
  });
}

function pcieDevice(ctx: RequestContext, kind: Kind, path: string): Body {
  const { bmc } = ctx;
  const { nicAdapter } = bmc.profile.hardware;
  const storage = controllerOf(bmc);
  const nic = kind === "nic";
  return resource(ctx, "PCIeDevice", path, {
    Id: bmc.profile.ids.pcieDevice(kind),
    Name: nic ? nicAdapter.model : storage.Name,
    Manufacturer: nic ? nicAdapter.manufacturer : storage.Manufacturer,
    Model: nic ? nicAdapter.model : storage.Model,
    PartNumber: nic ? nicAdapter.partNumber : partSerial(bmc, "raid-part", 7),
    SerialNumber: partSerial(bmc, nic ? "nic-adapter" : "array-controller", nic ? 12 : 14),
    FirmwareVersion: nic ? bmc.reported("nic") : storage.FirmwareVersion,
    DeviceType: nic ? "MultiFunction" : "SingleFunction",
    PCIeFunctions: link(bmc, `${path}/PCIeFunctions`),
    Status: enabled,
  });
}

function pcieFunction(ctx: RequestContext, kind: Kind, device: string): Body {
  const { bmc } = ctx;
  const [vendorId, deviceId] = kind === "nic" ? bmc.profile.hardware.nicAdapter.pci : bmc.profile.hardware.storagePci;
  return resource(ctx, "PCIeFunction", `${device}/PCIeFunctions/0`, {
    Id: "0",
    Name: "PCIe Function 0",
    FunctionId: 0,
    FunctionType: "Physical",
    DeviceClass: kind === "nic" ? "NetworkController" : "MassStorageController",
    ClassCode: kind === "nic" ? "0x020000" : "0x010400",
    VendorId: vendorId,
    DeviceId: deviceId,
    Links: { PCIeDevice: link(bmc, device) },
    Status: enabled,
  });
}

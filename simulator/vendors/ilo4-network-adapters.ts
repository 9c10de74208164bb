import { hostIpv4, linkLocal } from "../bmc/hardware";
import type { RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { collection, enabled, getRoute, missing, resource } from "../resources/odata";

/**
 * iLO 4 reports the host's NICs as HP's `HpNetworkAdapter` (ports with their MACs) rather than DMTF
 * EthernetInterfaces, which it fills only while the Agentless Management Service runs in the OS.
 */
export const ILO4_NETWORK_ADAPTERS = "/redfish/v1/Systems/1/NetworkAdapters";

function adapter(ctx: RequestContext) {
  const { bmc } = ctx;
  if (ctx.params.id !== "1") return missing(ctx);
  const ports = bmc.identity.macs.map((mac, i) => {
    const ipv4 = hostIpv4(bmc, i + 1);
    return {
      MacAddress: mac.toLowerCase(),
      FullDuplex: true,
      LinkStatus: ipv4 ? "LinkUp" : "LinkDown",
      SpeedMbps: ipv4 ? 1000 : 0,
      IPv4Addresses: ipv4 ? [{ Address: ipv4 }] : [],
      IPv6Addresses: ipv4 ? [{ Address: linkLocal(mac) }] : [],
      Status: enabled,
    };
  });
  const { nicAdapter } = bmc.profile.hardware;
  return resource(ctx, "HpNetworkAdapter", `${ILO4_NETWORK_ADAPTERS}/1`, {
    Id: "1",
    Name: nicAdapter.model,
    PartNumber: nicAdapter.partNumber,
    StructuredName: "NIC.LOM.1.1",
    Location: "Embedded",
    Firmware: { Current: { VersionString: bmc.reported("nic") } },
    PhysicalPorts: ports,
    Status: enabled,
  });
}

export function ilo4NetworkAdapterRoutes(): Route[] {
  return [
    getRoute(ILO4_NETWORK_ADAPTERS, (ctx) => collection(ctx, "HpNetworkAdapter", ILO4_NETWORK_ADAPTERS, "NetworkAdapters", [`${ILO4_NETWORK_ADAPTERS}/1`])),
    getRoute(`${ILO4_NETWORK_ADAPTERS}/:id`, adapter),
  ];
}

import type { RequestContext } from "../http/reply";
import { ok } from "../http/reply";
import type { Route } from "../http/router";
import { resource } from "./odata";
import { link, pathsOf } from "./paths";

function serviceRoot(ctx: RequestContext) {
  const { bmc } = ctx;
  const { profile } = bmc;
  const paths = pathsOf(profile);
  return ok(
    resource(ctx, "ServiceRoot", `${paths.root}/`, {
      Id: "RootService",
      Name: "Root Service",
      RedfishVersion: profile.redfishVersion,
      UUID: bmc.identity.managerUuid,
      Vendor: profile.vendorName,
      Product: profile.product(bmc.modelSpec),
      ProtocolFeaturesSupported: {
        ExpandQuery: profile.expand
          ? { ExpandAll: false, Levels: true, Links: false, NoLinks: true, MaxLevels: 1 }
          : { ExpandAll: false, Levels: false, Links: false, NoLinks: false },
        FilterQuery: false,
        SelectQuery: false,
        OnlyMemberQuery: false,
        ExcerptQuery: false,
      },
      Systems: link(bmc, paths.systems),
      Chassis: link(bmc, paths.chassisCollection),
      Managers: link(bmc, paths.managers),
      SessionService: link(bmc, paths.sessionService),
      AccountService: link(bmc, paths.accountService),
      UpdateService: link(bmc, profile.updateServicePath ?? paths.updateService),
      Tasks: link(bmc, paths.taskService),
      EventService: link(bmc, paths.eventService),
      JsonSchemas: link(bmc, paths.jsonSchemas),
      Registries: link(bmc, paths.registries),
      Links: { Sessions: link(bmc, paths.sessions) },
      Oem: profile.oem.root?.(bmc),
    }),
  );
}

function serviceDocument(ctx: RequestContext) {
  const paths = pathsOf(ctx.bmc.profile);
  const singletons = {
    Systems: paths.systems,
    Chassis: paths.chassisCollection,
    Managers: paths.managers,
    TaskService: paths.taskService,
    SessionService: paths.sessionService,
    AccountService: paths.accountService,
    UpdateService: paths.updateService,
    EventService: paths.eventService,
    JsonSchemas: paths.jsonSchemas,
    Registries: paths.registries,
    Sessions: paths.sessions,
  };
  return ok({
    "@odata.context": "/redfish/v1/$metadata",
    value: [
      { name: "Service", kind: "Singleton", url: "/redfish/v1/" },
      ...Object.entries(singletons).map(([name, url]) => ({ name, kind: "Singleton", url })),
    ],
  });
}

const METADATA = `<?xml version="1.0" encoding="UTF-8"?>
<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0">
  <edmx:Reference Uri="http://redfish.dmtf.org/schemas/v1/ServiceRoot_v1.xml">
    <edmx:Include Namespace="ServiceRoot"/>
    <edmx:Include Namespace="ServiceRoot.v1_5_0"/>
  </edmx:Reference>
  <edmx:DataServices>
    <Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="Service">
      <EntityContainer Name="Service" Extends="ServiceRoot.v1_5_0.ServiceContainer"/>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;

export function serviceRootRoutes(): Route[] {
  return [
    { method: "GET", pattern: "/redfish", public: true, handler: () => ok({ v1: "/redfish/v1/" }) },
    { method: "GET", pattern: "/redfish/v1", public: true, handler: serviceRoot },
    { method: "GET", pattern: "/redfish/v1/odata", public: true, handler: serviceDocument },
    {
      method: "GET",
      pattern: "/redfish/v1/$metadata",
      public: true,
      handler: () => ({ status: 200, body: METADATA, headers: { "Content-Type": "application/xml" } }),
    },
  ];
}

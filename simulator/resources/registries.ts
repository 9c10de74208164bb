import { BASE_MESSAGES } from "../http/errors";
import type { RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { collection, getRoute, missing, resource, type Body } from "./odata";
import type { Paths } from "./paths";

/** The DMTF schemas the tree's resources conform to, each published at its DMTF URI. */
const SCHEMAS = [
  "ServiceRoot",
  "ComputerSystem",
  "Processor",
  "Memory",
  "EthernetInterface",
  "Bios",
  "Chassis",
  "Power",
  "Thermal",
  "NetworkAdapter",
  "PCIeDevice",
  "Manager",
  "ManagerNetworkProtocol",
  "LogService",
  "LogEntry",
  "UpdateService",
  "SoftwareInventory",
  "SessionService",
  "Session",
  "AccountService",
  "ManagerAccount",
  "Role",
  "EventService",
  "TaskService",
  "Task",
  "MessageRegistryFile",
];

interface Registry {
  id: string;
  prefix: string;
  version: string;
  owner: string;
  messages: Record<string, string>;
}

/** Base, the vendor's own message registry (iLO's), and the BIOS attribute registry. */
function registriesOf(ctx: RequestContext): Registry[] {
  const { profile } = ctx.bmc;
  const [, major, minor] = profile.baseRegistry.split(".");
  const registries: Registry[] = [{ id: "Base", prefix: "Base", version: `${major}.${minor}.0`, owner: "DMTF", messages: BASE_MESSAGES }];
  const oem = profile.oemRegistry;
  if (oem) registries.push({ id: oem.prefix, prefix: oem.prefix, version: oem.version, owner: profile.vendorName, messages: oem.messages });
  return registries;
}

const fileOf = (paths: Paths, id: string) => `${paths.registries}/${id}`;
const storeOf = (paths: Paths, id: string) => `${paths.registryStore}/${id}.json`;

function messageRegistry(ctx: RequestContext, paths: Paths, registry: Registry): Body {
  const messages = Object.fromEntries(
    Object.entries(registry.messages).map(([key, message]) => {
      const args = (message.match(/%\d/g) ?? []).length;
      return [key, { Description: message, Message: message, Severity: "OK", NumberOfArgs: args, ParamTypes: Array(args).fill("string"), Resolution: "None" }];
    }),
  );
  return resource(ctx, "MessageRegistry", storeOf(paths, registry.id), {
    Id: `${registry.prefix}.${registry.version}`,
    Name: `${registry.prefix} Message Registry`,
    Language: "en",
    RegistryPrefix: registry.prefix,
    RegistryVersion: registry.version,
    OwningEntity: registry.owner,
    Messages: messages,
  });
}

/** JsonSchemas and Registries with their files, and the registries themselves in the registry store. */
export function registryRoutes(paths: Paths): Route[] {
  const find = (ctx: RequestContext, id: string) => registriesOf(ctx).find((registry) => registry.id.toLowerCase() === id.toLowerCase());
  return [
    getRoute(paths.jsonSchemas, (ctx) =>
      collection(ctx, "JsonSchemaFile", paths.jsonSchemas, "JSON Schemas", SCHEMAS.map((name) => `${paths.jsonSchemas}/${name}`)),
    ),
    getRoute(`${paths.jsonSchemas}/:id`, (ctx) => {
      const name = SCHEMAS.find((candidate) => candidate.toLowerCase() === ctx.params.id.toLowerCase());
      if (!name) return missing(ctx);
      const type = ctx.bmc.profile.odataType(name).slice(1);
      return resource(ctx, "JsonSchemaFile", `${paths.jsonSchemas}/${name}`, {
        Id: name,
        Name: `${name} Schema File`,
        Schema: `#${type}`,
        Languages: ["en"],
        Location: [{ Language: "en", PublicationUri: `http://redfish.dmtf.org/schemas/v1/${type.split(".").slice(0, -1).join(".")}.json` }],
      });
    }),
    getRoute(paths.registries, (ctx) =>
      collection(ctx, "MessageRegistryFile", paths.registries, "Registry File Collection", registriesOf(ctx).map((registry) => fileOf(paths, registry.id))),
    ),
    getRoute(`${paths.registries}/:id`, (ctx) => {
      const registry = find(ctx, ctx.params.id);
      if (!registry) return missing(ctx);
      return resource(ctx, "MessageRegistryFile", fileOf(paths, registry.id), {
        Id: registry.id,
        Name: `${registry.prefix} Message Registry File`,
        Registry: `${registry.prefix}.${registry.version.split(".").slice(0, 2).join(".")}`,
        Languages: ["en"],
        Location: [{ Language: "en", Uri: storeOf(paths, registry.id) }],
      });
    }),
    getRoute(`${paths.registryStore}/:file`, (ctx) => {
      const registry = find(ctx, ctx.params.file.replace(/\.json$/i, ""));
      return registry ? messageRegistry(ctx, paths, registry) : missing(ctx);
    }),
  ];
}

import type { Reply, RequestContext } from "../http/reply";
import type { Body } from "../resources/odata";

/**
 * HPE iLO 4 (2.30+) mirrors its tree at /rest/v1 and /redfish/v1 and, unless the client sends
 * `OData-Version`, adds the pre-Redfish properties to every resource: `Type`, `links.self.href`,
 * and for collections `Items` (the expanded members), `links.Member`, `MemberType`, `Total`.
 */
export function translateIlo4Path(path: string): { path: string; legacy: boolean } {
  const legacy = /^\/rest\/v1(\/|$)/i.test(path);
  const redfish = legacy ? `/redfish/v1${path.slice("/rest/v1".length)}` : path;
  return { path: redfish.replace(/^\/redfish\/v1\/Sessions(?=\/|$)/i, "/redfish/v1/SessionService/Sessions"), legacy };
}

/** iLO 4's pre-Redfish type versions; the rest are 1.0.0. */
const LEGACY_TYPES: Record<string, string> = {
  ComputerSystem: "ComputerSystem.0.9.5",
  Chassis: "Chassis.0.9.5",
  Manager: "Manager.0.10.0",
  ServiceRoot: "ServiceRoot.1.0.0",
};

export function ilo4OdataType(name: string): string {
  if (name.endsWith("Collection")) return `#${name}.${name}`;
  return `#${name}.${name === "ComputerSystem" ? "1.0.1" : "1.0.0"}.${name}`;
}

export function restPath(odataId: string): string {
  const path = odataId.replace(/\/$/, "").replace(/^\/redfish\/v1/i, "/rest/v1");
  return path.replace(/^\/rest\/v1\/SessionService\/Sessions/i, "/rest/v1/Sessions");
}

const href = (odataId: unknown) => ({ href: restPath(String(odataId)) });

type Link = { "@odata.id": string };
const isLink = (value: unknown): value is Link =>
  typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as Link)["@odata.id"] === "string";

/** iLO 4's legacy name of a relation where it differs from the Redfish property (`JsonSchemas` -> `Schemas`). */
const LEGACY_RELATION: Record<string, string> = { JsonSchemas: "Schemas" };

/**
 * Pre-Redfish clients (ilorest on iLO 4) navigate by `links.<relation>.href`: every link of the
 * resource, top-level or under `Links`, is mirrored there.
 */
function legacyLinks(resource: Body): Body {
  const links: Body = { self: href(resource["@odata.id"]) };
  const nested = typeof resource.Links === "object" && resource.Links !== null ? Object.entries(resource.Links as Body) : [];
  for (const [relation, value] of [...Object.entries(resource), ...nested]) {
    const name = LEGACY_RELATION[relation] ?? relation;
    if (isLink(value)) links[name] = href(value["@odata.id"]);
    else if (Array.isArray(value) && value.length > 0 && value.every(isLink)) links[name] = value.map((item) => href(item["@odata.id"]));
  }
  return links;
}

export async function addLegacyProperties(reply: Reply, ctx: RequestContext): Promise<Reply> {
  const body = reply.body;
  if (reply.status >= 300 || typeof body !== "object" || body === null) return reply;
  if (!ctx.legacy && ctx.headers["odata-version"] !== undefined) return reply;
  const resource = body as Body;
  const odataType = resource["@odata.type"];
  if (typeof odataType !== "string") return reply;
  const name = odataType.split(".").at(-1) ?? "";
  const members = resource.Members;
  const links = legacyLinks({ ...resource, Members: undefined });
  const compat: Body = { Type: LEGACY_TYPES[name] ?? `${name}.1.0.0`, links };
  if (Array.isArray(members)) {
    const ids = members.map((member: Link) => member["@odata.id"]);
    links.Member = ids.map(href);
    Object.assign(compat, {
      Type: "Collection.1.0.0",
      MemberType: `${name.replace(/Collection$/, "")}.1`,
      Total: ids.length,
      Items: await Promise.all(ids.map(async (id) => (await ctx.get(id)).body)),
    });
  }
  return { ...reply, body: { ...resource, ...compat } };
}

export function ilo4ErrorBody(messageId: string, message: string) {
  return {
    "@odata.type": "#ExtendedInfo.ExtendedInfo",
    Messages: [{ MessageID: messageId }],
    Type: "ExtendedError.1.0.0",
    error: {
      code: "iLO.0.10.GeneralError",
      message: "A general error has occurred. See ExtendedInfo for more information.",
      "@Message.ExtendedInfo": [{ MessageId: messageId, Message: message }],
    },
  };
}

import type { Bmc } from "../bmc/bmc";
import { redfishError } from "../http/errors";
import { ok, type Reply, type RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { link, odataId } from "./paths";

export type Body = Record<string, unknown>;

/** A resource body with the OData annotations, and the vendor's `Description` for its type if it writes one. */
export function resource(ctx: RequestContext, name: string, path: string, props: Body): Body {
  const { bmc } = ctx;
  const description = bmc.profile.descriptions?.[name];
  return {
    "@odata.context": `/redfish/v1/$metadata#${name}.${name}`,
    "@odata.id": odataId(bmc, path),
    "@odata.type": bmc.profile.odataType(name),
    ...(description === undefined ? {} : { Description: description }),
    ...props,
  };
}

export function collection(ctx: RequestContext, memberType: string, path: string, name: string, members: string[]): Body {
  return resource(ctx, `${memberType}Collection`, path, {
    Name: name,
    Members: members.map((member) => link(ctx.bmc, member)),
    "Members@odata.count": members.length,
  });
}

export const enabled = { State: "Enabled", Health: "OK" } as const;

/** 1-based position of `wanted` among `count` generated ids, or 0. */
export function findIndex(count: number, idOf: (n: number) => string, wanted: string): number {
  for (let n = 1; n <= count; n++) if (idOf(n).toLowerCase() === wanted.toLowerCase()) return n;
  return 0;
}

export function missing(ctx: RequestContext): Reply {
  return redfishError(ctx.bmc.profile, 404, "ResourceMissingAtURI", { args: [ctx.path] });
}

export const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, "+00:00");

export const isoDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * A GET route that renders a body, or answers an error reply of its own; on a BMC where
 * `available` is false (a vendor or firmware without the resource) it answers 404.
 */
export function getRoute(pattern: string, render: (ctx: RequestContext) => Body | Reply, available: (bmc: Bmc) => boolean = () => true): Route {
  return {
    method: "GET",
    pattern,
    handler: (ctx) => {
      if (!available(ctx.bmc)) return missing(ctx);
      const rendered = render(ctx);
      return typeof rendered.status === "number" ? (rendered as Reply) : ok(rendered);
    },
  };
}

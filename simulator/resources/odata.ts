import type { RequestContext } from "../http/reply";
import { link, odataId } from "./paths";

export type Body = Record<string, unknown>;

export function resource(ctx: RequestContext, name: string, path: string, props: Body): Body {
  const { profile } = ctx.bmc;
  return {
    "@odata.context": `/redfish/v1/$metadata#${name}.${name}`,
    "@odata.id": odataId(profile, path),
    "@odata.type": profile.odataType(name),
    ...props,
  };
}

export function collection(ctx: RequestContext, memberType: string, path: string, name: string, members: string[]): Body {
  return resource(ctx, `${memberType}Collection`, path, {
    Name: name,
    Members: members.map((member) => link(ctx.bmc.profile, member)),
    "Members@odata.count": members.length,
  });
}

export const enabled = { State: "Enabled", Health: "OK" } as const;

/** 1-based position of `wanted` among `count` generated ids, or 0. */
export function findIndex(count: number, idOf: (n: number) => string, wanted: string): number {
  for (let n = 1; n <= count; n++) if (idOf(n).toLowerCase() === wanted.toLowerCase()) return n;
  return 0;
}

export const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, "+00:00");

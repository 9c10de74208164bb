import type { RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { resource, type Body } from "../resources/odata";

export const RESOURCE_DIRECTORY = "/redfish/v1/ResourceDirectory";
const MAX_RESOURCES = 2000;

/** Every `@odata.id` a body links to, fragments (`#/Fans/0`) and the resource itself left out. */
function linksOf(body: unknown, found: string[] = []): string[] {
  if (Array.isArray(body)) for (const item of body) linksOf(item, found);
  else if (typeof body === "object" && body !== null) {
    for (const [key, value] of Object.entries(body)) {
      if (key === "@odata.id" && typeof value === "string" && !value.includes("#")) found.push(value);
      else linksOf(value, found);
    }
  }
  return found;
}

/**
 * iLO 5's ResourceDirectory: one entry per resource of the tree (`@odata.id`, `@odata.type`,
 * `ETag`), so that HPE's tools can list types without crawling. Built by walking the tree on
 * request, never stored.
 */
async function directory(ctx: RequestContext): Promise<Body> {
  const seen = new Set<string>();
  const instances: Body[] = [];
  let queue = ["/redfish/v1/"];
  while (queue.length > 0 && seen.size < MAX_RESOURCES) {
    const next: string[] = [];
    for (const path of queue) {
      const key = path.replace(/\/$/, "").toLowerCase();
      if (seen.has(key) || key === RESOURCE_DIRECTORY.toLowerCase()) continue;
      seen.add(key);
      const reply = await ctx.get(path);
      const body = reply.body as Body | undefined;
      if (reply.status !== 200 || typeof body?.["@odata.type"] !== "string") continue;
      instances.push({ "@odata.id": body["@odata.id"], "@odata.type": body["@odata.type"], ETag: reply.headers?.ETag ?? null });
      next.push(...linksOf({ ...body, "@odata.id": undefined }).filter((link) => link.startsWith("/redfish/v1/")));
    }
    queue = next;
  }
  return resource(ctx, "HpeiLOResourceDirectory", RESOURCE_DIRECTORY, {
    Id: "ResourceDirectory",
    Name: "iLO Resource Directory",
    Instances: instances,
  });
}

export function resourceDirectoryRoutes(): Route[] {
  return [{ method: "GET", pattern: RESOURCE_DIRECTORY, handler: async (ctx) => ({ status: 200, body: await directory(ctx) }) }];
}

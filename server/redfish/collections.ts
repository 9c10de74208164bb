import type { RedfishClient } from "./client";
import type { RequestOptions } from "./http";
import { RedfishProtocolError } from "./errors";
import { dig, idOf, isBareLink, linkTarget, nextPage, pageMembers, pathKey, pathOf, type Json } from "./odata";

/** The `$expand` query a service supports for one level of members, or null. */
export type ExpandSupport = string | null;

/**
 * From the root's `ProtocolFeaturesSupported.ExpandQuery`: `.` (subordinate resources only, the
 * members) when `NoLinks` is supported, else `*`; `$levels=1` only when `Levels` is.
 */
export function expandSupportOf(root: unknown): ExpandSupport {
  const expand = dig(root, "ProtocolFeaturesSupported", "ExpandQuery");
  const which = dig(expand, "NoLinks") === true ? "." : dig(expand, "ExpandAll") === true ? "*" : null;
  if (!which) return null;
  return `$expand=${which}${dig(expand, "Levels") === true ? "($levels=1)" : ""}`;
}

/** Guards against a BMC whose nextLink loops or never ends. */
const MAX_PAGES = 1000;

/**
 * Every member of a collection as a resource. Follows `Members@odata.nextLink` (and iLO 4's
 * `links.NextPage`); trusts the members listed over `Members@odata.count`, which real BMCs get
 * wrong; skips members that 404 (listed but gone); fetches only the members an `$expand` (or iLO
 * 4's `Items`) did not already inline. null when the collection itself is not there (404/410).
 */
export async function readMembers(
  client: RedfishClient,
  collectionPath: string,
  expand: ExpandSupport,
  expandFailed: () => void,
  options?: RequestOptions,
): Promise<Json[] | null> {
  const path = pathOf(collectionPath);
  const first = await firstPage(client, path, expand, expandFailed, options);
  if (!first) return null;
  const listed = await listPages(client, first, path, options);
  const fetched = await Promise.all(
    listed.map((member) => {
      if (!isBareLink(member)) return member as Json;
      const target = linkTarget(member);
      return target ? client.findResource(target, options) : null;
    }),
  );
  const unique = new Map<string, Json>();
  fetched.forEach((resource, index) => {
    if (!resource) return;
    const key = pathKey(idOf(resource) ?? `#${index}`);
    if (!unique.has(key)) unique.set(key, resource);
  });
  return [...unique.values()];
}

/** What every page lists, starting from the first page already read. */
async function listPages(client: RedfishClient, first: Json, firstPath: string, options?: RequestOptions): Promise<unknown[]> {
  const listed: unknown[] = [];
  const seen = new Set<string>();
  let current: Json | null = first;
  let page: string | null = firstPath;
  for (let pages = 0; page && pages < MAX_PAGES && !seen.has(page); pages++) {
    seen.add(page);
    const collection: Json = current ?? (await client.getResource(page, options));
    current = null;
    listed.push(...pageMembers(collection));
    const next = nextPage(collection, page);
    page = next ? pathOf(next) : null;
  }
  return listed;
}

/** The `@odata.id`s of a collection's members (all pages), without reading the members; null when it is not there. */
export async function readMemberLinks(client: RedfishClient, collectionPath: string, options?: RequestOptions): Promise<string[] | null> {
  const path = pathOf(collectionPath);
  const first = await client.findResource(path, options);
  if (!first) return null;
  const listed = await listPages(client, first, path, options);
  return listed.map((member) => linkTarget(member) ?? idOf(member)).filter((link): link is string => link !== null);
}

/** The first page, expanded where supported; null when the collection does not exist. */
async function firstPage(
  client: RedfishClient,
  path: string,
  expand: ExpandSupport,
  expandFailed: () => void,
  options?: RequestOptions,
): Promise<Json | null> {
  if (expand) {
    const expanded = await client.findResource(`${path}${path.includes("?") ? "&" : "?"}${expand}`, options).catch((error: unknown) => {
      // A service that advertises $expand but refuses it (400/501): read the plain way from now on.
      if (!(error instanceof RedfishProtocolError) || ((error.status ?? 500) >= 500 && error.status !== 501)) throw error;
      expandFailed();
      return undefined;
    });
    if (expanded !== undefined) return expanded;
  }
  return client.findResource(path, options);
}

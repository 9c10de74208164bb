/**
 * Reading Redfish JSON the way real BMCs write it: property names in any case (`Members`,
 * `members`), links as `{"@odata.id"}` or iLO 4's legacy `{"href"}`, collections as `Members`,
 * `Items` or `links.Member`.
 */
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `object[name]`, or the property whose name matches it ignoring case. */
export function prop(object: unknown, name: string): unknown {
  if (!isObject(object)) return undefined;
  if (name in object) return object[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) if (key.toLowerCase() === lower) return object[key];
  return undefined;
}

/** A nested property (`path` of names), case-insensitive at every step. */
export function dig(object: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((current, name) => prop(current, name), object);
}

export function text(value: unknown): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number") return String(value);
  return null;
}

/** The strings of an array (others dropped); null when it is not an array. */
export function strings(value: unknown): string[] | null {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : null;
}

export function num(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** The target of a link object: `@odata.id` (Redfish) or `href` (iLO 4's legacy links). */
export function linkTarget(link: unknown): string | null {
  return text(prop(link, "@odata.id")) ?? text(prop(link, "href")) ?? (typeof link === "string" ? text(link) : null);
}

/**
 * The link called `name` on a resource: a top-level navigation property, one under `Links`, or
 * one under iLO 4's legacy `links` (case-insensitive, so `Links` and `links` are the same place).
 */
export function linkOf(resource: unknown, name: string): string | null {
  return linkTarget(prop(resource, name)) ?? linkTarget(dig(resource, "Links", name));
}

/** Every target of a link array (`Links.ManagedBy`, `RelatedItem`...). */
export function linksOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.map(linkTarget).filter((target): target is string => target !== null);
}

/** The `@odata.id` of a resource, else its legacy `links.self.href`. */
export function idOf(resource: unknown): string | null {
  return text(prop(resource, "@odata.id")) ?? linkTarget(dig(resource, "links", "self"));
}

/**
 * The members listed on one page of a collection: iLO 4's `Items` (the resources themselves) when
 * present, else `Members` (each a link, or the resource itself when expanded), else `links.Member`.
 */
export function pageMembers(collection: unknown): unknown[] {
  for (const candidate of [prop(collection, "Items"), prop(collection, "Members"), dig(collection, "links", "Member")]) {
    if (Array.isArray(candidate)) return candidate;
  }
  return [];
}

/** The next page of a collection: `Members@odata.nextLink`, or iLO 4's `links.NextPage.page`. */
export function nextPage(collection: unknown, currentPath: string): string | null {
  const nextLink = text(prop(collection, "Members@odata.nextLink"));
  if (nextLink) return nextLink;
  const page = num(dig(collection, "links", "NextPage", "page"));
  if (page === null) return null;
  const url = new URL(currentPath, "https://bmc");
  url.searchParams.set("page", String(page));
  return `${url.pathname}${url.search}`;
}

/** True when a member is only a link (to fetch) rather than the resource itself. */
export function isBareLink(member: unknown): boolean {
  if (!isObject(member)) return true;
  const keys = Object.keys(member).filter((key) => !key.startsWith("@odata.") || key === "@odata.id");
  return keys.length <= 1 && (linkTarget(member) !== null || keys.length === 0);
}

// A BMC's paths recur in every answer (a remediation compares some fifty per server): each is parsed once.
const parsedPaths = new Map<string, string>();
const PARSED_PATHS_KEPT = 10_000;

/** The path (and query) of an `@odata.id` or `Location`, absolute or relative; fragments dropped. */
export function pathOf(target: string): string {
  let path = parsedPaths.get(target);
  if (path === undefined) {
    const url = new URL(target, "https://bmc");
    path = `${url.pathname}${url.search}`;
    if (parsedPaths.size >= PARSED_PATHS_KEPT) parsedPaths.clear();
    parsedPaths.set(target, path);
  }
  return path;
}

/** Case- and trailing-slash-insensitive key of a resource path, to compare ids written differently. */
export function pathKey(target: string): string {
  return pathOf(target).replace(/\?.*$/, "").replace(/\/+$/, "").toLowerCase();
}

/** `Status.State` (e.g. `Enabled`, `Absent`), or null. */
export function stateOf(resource: unknown): string | null {
  return text(dig(resource, "Status", "State"));
}

/** `Status.State` and `Status.Health`, as reported. */
export function statusOf(resource: unknown): { state: string | null; health: string | null } {
  return { state: stateOf(resource), health: text(dig(resource, "Status", "Health")) };
}

/** Several string properties at once: `{ serialNumber: "SerialNumber" }` -> `{ serialNumber: "..." | null }`. */
export function texts<K extends string>(resource: unknown, names: Record<K, string>): Record<K, string | null> {
  return Object.fromEntries(Object.entries<string>(names).map(([key, name]) => [key, text(prop(resource, name))])) as Record<K, string | null>;
}

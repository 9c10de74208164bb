import type { PoolDto } from "~/server/services/pools/schemas";

export type PoolTreeRow = PoolDto & { depth: number; hasChildren: boolean };

/** Pools by parent id, siblings in list order; a pool whose parent is not in the list counts as top-level. */
function childrenByParent(pools: PoolDto[]): Map<number | null, PoolDto[]> {
  const ids = new Set(pools.map((pool) => pool.id));
  const children = new Map<number | null, PoolDto[]>();
  for (const pool of pools) {
    const parent = pool.parent !== null && ids.has(pool.parent) ? pool.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), pool]);
  }
  return children;
}

/**
 * Pools in tree order (each followed by its sub-pools, siblings kept in the list's ordering), showing
 * the sub-pools of expanded pools only.
 */
export function poolTreeRows(pools: PoolDto[], expanded: ReadonlySet<number> | "all"): PoolTreeRow[] {
  const children = childrenByParent(pools);
  const rows: PoolTreeRow[] = [];
  const visit = (pool: PoolDto, depth: number) => {
    const kids = children.get(pool.id) ?? [];
    rows.push({ ...pool, depth, hasChildren: kids.length > 0 });
    if (expanded === "all" || expanded.has(pool.id)) for (const kid of kids) visit(kid, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return rows;
}

/** The pool's ancestors, nearest first. */
export function ancestorIds(pools: PoolDto[], id: number): number[] {
  const byId = new Map(pools.map((pool) => [pool.id, pool]));
  const ancestors: number[] = [];
  let parent = byId.get(id)?.parent ?? null;
  while (parent !== null && !ancestors.includes(parent)) {
    ancestors.push(parent);
    parent = byId.get(parent)?.parent ?? null;
  }
  return ancestors;
}

/** The pool and every pool below it: where it cannot be moved. */
export function subtreeIds(pools: PoolDto[], id: number): Set<number> {
  const children = childrenByParent(pools);
  const ids = new Set<number>();
  const visit = (poolId: number) => {
    if (ids.has(poolId)) return;
    ids.add(poolId);
    for (const kid of children.get(poolId) ?? []) visit(kid.id);
  };
  visit(id);
  return ids;
}

/** "Racks / Row A" for a pool under Racks: where a search result sits in the tree. */
export function parentPath(pools: PoolDto[], pool: PoolDto): string {
  const names = new Map(pools.map((p) => [p.id, p.name]));
  return ancestorIds(pools, pool.id)
    .reverse()
    .map((id) => names.get(id) ?? `#${id}`)
    .join(" / ");
}

const counted = (n: number, one: string, many: string) => (n ? [`${n} ${n === 1 ? one : many}`] : []);

/** What is in a pool, in words ("2 sub-pools and 1 server"), or "" when it is empty. */
export function poolContents(pool: PoolDto): string {
  const parts = [
    ...counted(pool.sub_pools.length, "sub-pool", "sub-pools"),
    ...counted(pool.servers_count, "server", "servers"),
    ...counted(pool.switches_count, "switch", "switches"),
  ];
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts.join("");
}

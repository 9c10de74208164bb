import { describe, expect, it } from "vitest";
import type { PoolDto } from "~/server/services/pools/schemas";
import { ancestorIds, parentPath, poolContents, poolTreeRows, subtreeIds } from "./pool-tree";

function pool(id: number, name: string, parent: number | null, counts: Partial<PoolDto> = {}): PoolDto {
  return { id, name, description: "", group: 1, parent, sub_pools: [], servers_count: 0, switches_count: 0, created_at: "", updated_at: "", ...counts };
}

// List order as the API returns it (by name); the tree must keep it among siblings.
const pools = [pool(3, "Alpha", null), pool(5, "Alpha row 1", 3), pool(4, "Alpha row 2", 3), pool(6, "Rack 7", 4), pool(1, "Beta", null), pool(9, "Orphan", 42)];

const shape = (rows: ReturnType<typeof poolTreeRows>) => rows.map((row) => `${"  ".repeat(row.depth)}${row.name}${row.hasChildren ? " +" : ""}`);

describe("poolTreeRows", () => {
  it("shows top-level pools only until one is expanded, a pool with an unseen parent among them", () => {
    expect(shape(poolTreeRows(pools, new Set()))).toEqual(["Alpha +", "Beta", "Orphan"]);
  });

  it("puts sub-pools under their parent in list order, only for expanded pools", () => {
    expect(shape(poolTreeRows(pools, new Set([3])))).toEqual(["Alpha +", "  Alpha row 1", "  Alpha row 2 +", "Beta", "Orphan"]);
    expect(shape(poolTreeRows(pools, "all"))).toEqual(["Alpha +", "  Alpha row 1", "  Alpha row 2 +", "    Rack 7", "Beta", "Orphan"]);
  });

  it("hides a sub-pool whose parent is collapsed even if the sub-pool itself is expanded", () => {
    expect(shape(poolTreeRows(pools, new Set([4])))).toEqual(["Alpha +", "Beta", "Orphan"]);
  });
});

describe("tree helpers", () => {
  it("finds ancestors nearest first, the subtree of a pool, and the path to it", () => {
    expect(ancestorIds(pools, 6)).toEqual([4, 3]);
    expect(ancestorIds(pools, 1)).toEqual([]);
    expect([...subtreeIds(pools, 3)].sort()).toEqual([3, 4, 5, 6]);
    expect(parentPath(pools, pools[3]!)).toBe("Alpha / Alpha row 2");
    expect(parentPath(pools, pools[4]!)).toBe("");
  });

  it("says what is in a pool", () => {
    expect(poolContents(pool(1, "a", null))).toBe("");
    expect(poolContents(pool(1, "a", null, { sub_pools: [2] }))).toBe("1 sub-pool");
    expect(poolContents(pool(1, "a", null, { sub_pools: [2, 3], servers_count: 1, switches_count: 4 }))).toBe("2 sub-pools, 1 server and 4 switches");
  });
});

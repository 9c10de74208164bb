import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { pools } from "~/db/schema";
import type { Actor } from "../context";
import { linguistic, type FilterSpec } from "../list";
import { poolScope } from "./scope";

/** `?resource_pool=` and `?resource_pool__isnull=` for what pools hold (servers, switches). */
export function poolMemberFilters(actor: Actor, poolColumn: AnyColumn, plural: string): Record<string, FilterSpec> {
  return {
    // Another group's pool is refused like an id that names nothing.
    resource_pool: { kind: "relation", references: pools, column: poolColumn, visible: poolScope(actor), description: `${plural} assigned to this pool id (not its sub-pools).` },
    resource_pool__isnull: { kind: "isnull", column: poolColumn, description: `\`true\`: ${plural.toLowerCase()} in no pool (only staff see those); \`false\`: in a pool.` },
  };
}

/** `?ordering=resource_pool__name`: the pool's name, through a subquery on the pool column, ordered linguistically. */
export const poolNameOrdering = (poolColumn: AnyColumn): SQL => linguistic(sql`(select ${pools.name} from ${pools} where ${pools.id} = ${poolColumn})`);

import { inArray, sql, type SQL } from "drizzle-orm";
import { pools, servers } from "~/db/schema";
import type { ServiceContext } from "../context";
import { NotFoundError, ValidationError } from "../errors";
import { findVisiblePool } from "../pools/scope";
import { findVisibleServer } from "../servers/scope";

/**
 * Which servers a compliance check covers: every compatible server (its manufacturer and model fit at
 * least one binary of the baseline), a pool with all its sub-pools, or given servers (each listed even
 * when nothing applies to it).
 */
export type ComplianceScope = { kind: "compatible" } | { kind: "pool"; poolId: number } | { kind: "servers"; serverIds: number[] };

/** As a query string gives them, or as numbers from a JSON body. */
export type ScopeParams = { server?: string | number | null; pool?: string | number | null };

// What Python's int() reads, as DRF's IntegerField does.
const INTEGER = /^\s*[+-]?\d+\s*$/;

function parseId(name: string, value: string | number | null | undefined): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "number") return value;
  // As every filter of the API does: a NUL is named as such, not as a bad integer.
  if (value.includes("\0")) throw ValidationError.field(name, "Null characters are not allowed.");
  if (!INTEGER.test(value)) throw ValidationError.field(name, "A valid integer is required.");
  return Number(value);
}

/** `?server=` or `?pool=` as seed 003 answers them: 400 for a malformed id, 404 for one the actor cannot see. */
export async function resolveScope(ctx: ServiceContext, params: ScopeParams): Promise<ComplianceScope> {
  const errors: Record<string, string[]> = {};
  const read = (name: keyof ScopeParams) => {
    try {
      return parseId(name, params[name]);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      Object.assign(errors, error.fields);
    }
  };
  const serverId = read("server");
  const poolId = read("pool");
  if (Object.keys(errors).length) throw new ValidationError(errors);
  if (serverId !== undefined && poolId !== undefined) throw ValidationError.field("non_field_errors", "Give either server or pool, not both.");
  if (serverId !== undefined) {
    if (!(await findVisibleServer(ctx.db, ctx.actor, serverId))) throw new NotFoundError("Server");
    return { kind: "servers", serverIds: [serverId] };
  }
  if (poolId !== undefined) {
    if (!(await findVisiblePool(ctx.db, ctx.actor, poolId))) throw new NotFoundError("Pool");
    return { kind: "pool", poolId };
  }
  return { kind: "compatible" };
}

/** The servers of a pool and of every pool below it. */
function inPoolTree(poolId: number): SQL {
  return sql`${servers.resourcePoolId} in (
    with recursive tree(id) as (
      select ${poolId}::int
      union
      select ${pools.id} from ${pools} join tree on ${pools.parentId} = tree.id
    )
    select id from tree)`;
}

/** The scope as a condition on `servers` (the compatibility test of the default scope is the query's). */
export function scopeCondition(scope: ComplianceScope): SQL | undefined {
  if (scope.kind === "pool") return inPoolTree(scope.poolId);
  if (scope.kind === "servers") return inArray(servers.id, scope.serverIds);
  return undefined;
}

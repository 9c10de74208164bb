import { eq } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { pools, servers, switches } from "~/db/schema";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { findPoolRow } from "./get";
import { childCount } from "./hierarchy";

const counted = (n: number, one: string, many: string) => (n ? [`${n} ${n === 1 ? one : many}`] : []);

function joinWithAnd(parts: string[]): string {
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts.join("");
}

/** What still refers to the pool, in words ("2 sub-pools and 3 servers"), or "" when it is empty. */
async function describeContents(db: DbExecutor, id: number): Promise<string> {
  const [subPools, serverCount, switchCount] = await Promise.all([
    childCount(db, id),
    db.$count(servers, eq(servers.resourcePoolId, id)),
    db.$count(switches, eq(switches.resourcePoolId, id)),
  ]);
  return joinWithAnd([
    ...counted(subPools, "sub-pool", "sub-pools"),
    ...counted(serverCount, "server", "servers"),
    ...counted(switchCount, "switch", "switches"),
  ]);
}

/** Only an empty pool can go: 400 `{"detail": "Pool \"X\" still has ...: move or delete them first."}` otherwise. */
export async function deletePool({ ctx, input }: { ctx: ServiceContext; input: { id: number } }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    // The row lock waits out (and then sees) any sub-pool or server being added to this pool right now.
    const row = await findPoolRow({ ...ctx, db: tx }, input.id, "update");
    const contents = await describeContents(tx, row.id);
    if (contents) throw new ValidationError({ detail: `Pool "${row.name}" still has ${contents}: move or delete them first.` });
    await tx.delete(pools).where(eq(pools.id, row.id));
  });
}

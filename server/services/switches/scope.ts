import type { SQL } from "drizzle-orm";
import { switches } from "~/db/schema";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { pooledScope } from "../pools/scope";
import { findScopedRow } from "../visible-row";
import type { SwitchRow } from "./dto";

/** Switches follow the servers' rule: staff see all, anyone else those in pools of their groups. */
export function switchScope(actor: ServiceContext["actor"]): SQL | undefined {
  return pooledScope(actor, switches.resourcePoolId);
}

/** A switch the actor may see (optionally row-locked for a write), else 404 whether it exists or not. */
export async function findSwitchRow(ctx: ServiceContext, id: number, lock?: "update" | "share"): Promise<SwitchRow> {
  const row = await findScopedRow(ctx.db, switches, switchScope(ctx.actor), id, lock);
  if (!row) throw new NotFoundError("Switch");
  return row;
}

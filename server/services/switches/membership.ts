import { switches } from "~/db/schema";
import type { ServiceContext } from "../context";
import { assignToPool, byMemberId, removeFromPools, type Member } from "../pools/membership";
import { switchScope } from "./scope";

const switchMember = (ctx: ServiceContext) => ({ table: switches, key: "switch", scope: switchScope(ctx.actor) }) satisfies Member;

/** `POST /api/pool/{id}/assign_switches/`: each id reported as assigned, already in a pool, or not found. */
export async function assignSwitches({ ctx, input }: { ctx: ServiceContext; input: { id: number; switches: number[] } }) {
  const member = switchMember(ctx);
  return assignToPool(ctx, member, input.id, input.switches, byMemberId(member));
}

/** `POST /api/switch/remove_from_pool/`: nothing holds a switch in place, so every one found is removed. */
export async function removeSwitchesFromPool({ ctx, input }: { ctx: ServiceContext; input: { switches: number[] } }) {
  const { removed, not_found } = await removeFromPools(ctx, switchMember(ctx), input.switches);
  return { removed, not_found };
}

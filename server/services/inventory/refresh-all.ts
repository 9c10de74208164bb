import { randomUUID } from "node:crypto";
import { and, asc, exists, isNotNull, sql } from "drizzle-orm";
import { nodes, servers } from "~/db/schema";
import { registrationSettings } from "~/server/config";
import { errorSummary } from "~/server/lib/describe-error";
import { Limiter } from "~/server/sweep/limiter";
import type { ServiceContext } from "../context";
import { requireStaff } from "../permissions";
import { loadRegistrationProfile, type RegistrationProfile } from "./profile";
import { registerBmc } from "./register-bmc";

export type RefreshEveryServerResult = {
  /** BMCs that manage servers and have an auth profile on record. */
  bmcs: number;
  refreshed: number;
  /** Each failure: the node and why (also on the node: `unreachable`/`error`, or busy with another operation). */
  failed: { node: number; message: string }[];
};

/**
 * Staff or the system (the nightly compliance run): refreshes every registered server, one
 * operation per BMC (a BMC busy with another operation is skipped and reported), at most
 * `RACKPILOT_REGISTER_CONCURRENCY` BMCs at once. Never throws for a BMC's failure.
 */
export async function refreshEveryRegisteredServer({ ctx }: { ctx: ServiceContext }): Promise<RefreshEveryServerResult> {
  requireStaff(ctx);
  const managing = await ctx.db
    .select()
    .from(nodes)
    .where(and(isNotNull(nodes.authProfileId), exists(ctx.db.select({ one: sql`1` }).from(servers).where(sql`${servers.nodeId} = ${nodes.id}`))))
    .orderBy(asc(nodes.id));
  const profiles = new Map<number, Promise<RegistrationProfile>>();
  const profileOf = (id: number) => profiles.get(id) ?? profiles.set(id, loadRegistrationProfile(ctx, id)).get(id)!;
  const limiter = new Limiter(registrationSettings.concurrency);
  const owner = `refresh-all:${randomUUID()}`;
  const failed: RefreshEveryServerResult["failed"] = [];
  await Promise.all(
    managing.map((node) =>
      limiter.run(async () => {
        try {
          const operation = { kind: "refresh" as const, owner, description: "the refresh of every registered server" };
          await registerBmc(ctx, { node, profile: await profileOf(node.authProfileId!), operation, waitMs: registrationSettings.lockWaitMs });
        } catch (error) {
          failed.push({ node: node.id, message: errorSummary(error) });
        }
      }),
    ),
  );
  return { bmcs: managing.length, refreshed: managing.length - failed.length, failed };
}

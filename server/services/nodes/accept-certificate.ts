import { eq, sql } from "drizzle-orm";
import { nodes, servers } from "~/db/schema";
import { scanSettings } from "~/server/config";
import { probeBmc } from "~/server/redfish/probe";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { requireStaff } from "../permissions";
import { toNodeDto } from "./dto";
import { findNodeRow } from "./get";
import { identityOf, nodeLabel } from "./probed";

/**
 * Staff only: trusts the certificate the BMC presents now (read live, without credentials), and
 * clears an `error` or `unreachable` status since the BMC just answered. A BMC that does not answer
 * keeps its trusted certificate: 400, node `unreachable`.
 */
export async function acceptNodeCertificate({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  const row = await findNodeRow(ctx, input.id);
  requireStaff(ctx);
  const probe = await probeBmc({ host: row.ip, port: row.port }, { timeoutMs: scanSettings.probeTimeoutMs });
  if (probe.kind === "unreachable") {
    await ctx.db.update(nodes).set({ status: "unreachable", statusMessage: probe.error.message, updatedAt: sql`now()` }).where(eq(nodes.id, row.id));
    throw new ValidationError({ detail: `${probe.error.message}; the trusted certificate is unchanged.` });
  }
  if (probe.kind === "not_redfish") throw new ValidationError({ detail: `${probe.error.message}; the trusted certificate is unchanged.` });
  const { service } = probe;
  if (!service.certificateSha256) throw new ValidationError({ detail: `BMC ${nodeLabel(row)} presented no TLS certificate; the trusted certificate is unchanged.` });
  const identity = identityOf(service);
  const [updated] = await ctx.db
    .update(nodes)
    .set({
      protocol: identity.protocol,
      ...(service.authRequired ? {} : identity),
      certificateSha256: service.certificateSha256,
      status: sql`case when exists (select 1 from ${servers} where ${servers.nodeId} = ${nodes.id}) then 'registered' else 'discovered' end`,
      statusMessage: "",
      lastSeen: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(eq(nodes.id, row.id))
    .returning();
  return toNodeDto(ctx.db, ctx.actor, updated!);
}

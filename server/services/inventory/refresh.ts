import { eq } from "drizzle-orm";
import { nodes } from "~/db/schema";
import { registrationSettings } from "~/server/config";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { requireStaff } from "../permissions";
import { findServerRow } from "../servers/get";
import { loadRegistrationProfile } from "./profile";
import { apiOperation, registerBmc } from "./register-bmc";
import { serverDto } from "./register";

/** The 404 (server, scoped), then 403 (staff only) checks of a refresh. */
export async function findServerToRefresh(ctx: ServiceContext, id: number) {
  const server = await findServerRow(ctx, id);
  requireStaff(ctx);
  return server;
}

/**
 * Staff only: re-reads the server's BMC with the credentials it was registered with (the last
 * winner first) and answers the server. Every system of that BMC is updated, in one transaction;
 * a name the operator set is kept. A BMC that no longer reports this server's system changes nothing: 400.
 */
export async function refreshServer({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  const server = await findServerToRefresh(ctx, input.id);
  const [node] = server.nodeId === null ? [] : await ctx.db.select().from(nodes).where(eq(nodes.id, server.nodeId));
  if (!node) throw new ValidationError({ detail: `Server "${server.name}" (id ${server.id}) has no BMC to read: register its node again.` });
  if (node.authProfileId === null) {
    throw new ValidationError({ detail: `BMC ${node.ip}:${node.port} of server "${server.name}" has no auth profile on record: register the node with one first.` });
  }
  const profile = await loadRegistrationProfile(ctx, node.authProfileId);
  const operation = apiOperation(ctx, "refresh", `the refresh of server "${server.name}"`);
  await registerBmc(ctx, {
    node,
    profile,
    operation,
    waitMs: registrationSettings.lockWaitMs,
    onStored: async (_tx, serverIds) => {
      if (!serverIds.includes(server.id)) {
        throw new ValidationError({ detail: `BMC ${node.ip}:${node.port} no longer reports the system of server "${server.name}" (${server.systemPath || "no system path"}); nothing was changed.` });
      }
    },
  });
  return serverDto(ctx, server.id);
}

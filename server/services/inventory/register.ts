import { registrationSettings } from "~/server/config";
import type { ServiceContext } from "../context";
import { requireStaff } from "../permissions";
import { findNodeRow } from "../nodes/get";
import { nodeLabel } from "../nodes/probed";
import { readServerDto } from "../servers/dto";
import { loadRegistrationProfile } from "./profile";
import { apiOperation, registerBmc } from "./register-bmc";
import type { RegisterNodeInput } from "./schemas";

/** The 404 (node), then 403 (staff only) checks of a registration, before its body is read. */
export async function findNodeToRegister(ctx: ServiceContext, id: number) {
  const node = await findNodeRow(ctx, id);
  requireStaff(ctx);
  return node;
}

/**
 * Staff only: registers the node's BMC with the auth profile's credentials, synchronously, and
 * answers its (first) server. Another operation on the BMC is waited for briefly, then refused.
 */
export async function registerNode({ ctx, input }: { ctx: ServiceContext; input: RegisterNodeInput }) {
  const node = await findNodeToRegister(ctx, input.id);
  const profile = await loadRegistrationProfile(ctx, input.auth_profile);
  const operation = apiOperation(ctx, "registration", `the registration of ${nodeLabel(node)}`);
  const [first] = await registerBmc(ctx, { node, profile, operation, waitMs: registrationSettings.lockWaitMs });
  return serverDto(ctx, first!);
}

export async function serverDto(ctx: ServiceContext, id: number) {
  return (await readServerDto(ctx.db, id))!;
}

import type { ServiceContext } from "../context";
import { PermissionDeniedError } from "../errors";
import { getUser } from "./get";

export async function getCurrentUser({ ctx }: { ctx: ServiceContext }) {
  if (ctx.actor.kind !== "user") throw new PermissionDeniedError();
  return getUser({ ctx, input: { id: ctx.actor.userId } });
}

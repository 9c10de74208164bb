import { isStaff, type ServiceContext } from "../context";
import { PermissionDeniedError } from "../errors";
import type { BaselineRow } from "./dto";

/** Any user may create a baseline; only staff or its creator may change or delete it. */
export function assertCanChangeBaseline(ctx: ServiceContext, row: BaselineRow): void {
  if (isStaff(ctx.actor)) return;
  if (ctx.actor.kind === "user" && row.createdById === ctx.actor.userId) return;
  throw new PermissionDeniedError();
}

import { isStaff, type ServiceContext } from "./context";
import { PermissionDeniedError } from "./errors";

export function requireStaff(ctx: ServiceContext): void {
  if (!isStaff(ctx.actor)) throw new PermissionDeniedError();
}

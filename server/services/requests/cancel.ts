import { isStaff, type ServiceContext } from "../context";
import { DomainError, PermissionDeniedError } from "../errors";
import { requestCancel } from "../remediation";
import { ACTIVE_REQUEST_STATUSES } from "./active";
import { toRequestDetailDto } from "./dto";
import { findRequestRow } from "./get";

/**
 * Staff cancel any request, others their own. Nothing new starts; flashes a BMC has already accepted
 * finish (a flash is never interrupted), then the request ends `cancelled`. Asking again is harmless.
 */
export async function cancelRequest({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    const row = await findRequestRow(scoped, input.id, "update");
    if (!isStaff(ctx.actor) && !(ctx.actor.kind === "user" && row.createdBy === ctx.actor.userId)) throw new PermissionDeniedError();
    if (!(ACTIVE_REQUEST_STATUSES as readonly string[]).includes(row.status)) {
      throw new DomainError(400, { detail: `Request ${row.id} has already ended (${row.status}): there is nothing to cancel.` });
    }
    if (row.cancelRequestedAt === null) await requestCancel(tx, row.id);
    return toRequestDetailDto(tx, ctx.actor, await findRequestRow(scoped, row.id));
  });
}

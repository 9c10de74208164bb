import type { BmcLeaseRow } from "~/db/schema";
import { ValidationError } from "../errors";

/** Another operation holds the BMC: 400 naming it, so the operator knows what to wait for. */
export class BmcBusyError extends ValidationError {
  constructor(bmc: { ip: string; port: number }, holder: Pick<BmcLeaseRow, "description" | "startedAt">) {
    super({
      detail: `BMC ${bmc.ip}:${bmc.port} is busy with another operation: ${holder.description}, started at ${holder.startedAt.toISOString()}. Try again when it has ended.`,
    });
  }
}

/** The lease expired and another operation took the BMC: this one must not record anything. */
export class BmcLeaseLostError extends Error {
  constructor(readonly nodeId: number) {
    super(`the operation lost its lease on node ${nodeId} (it stalled longer than the lease lasts) and stopped`);
    this.name = "BmcLeaseLostError";
  }
}

"use client";
import { useState } from "react";
import { RemediateDialog, type RemediationAsk } from "../../../requests/remediate-dialog";
import type { Scope } from "./scope-picker";

/**
 * Remediates the ticked servers, else the pool or the one server in scope. Every compatible server at
 * once is not offered: pick a pool (or tick servers) so the blast radius is a choice.
 */
export function RemediateButton({ baselineId, scope, selected }: { baselineId: number; scope: Scope; selected: ReadonlySet<number> }) {
  const [open, setOpen] = useState(false);
  const servers = selected.size ? [...selected] : scope.server ? [Number(scope.server)] : undefined;
  const ask: RemediationAsk | null = servers
    ? { kind: "baseline", baseline: baselineId, servers }
    : scope.pool
      ? { kind: "baseline", baseline: baselineId, pool: Number(scope.pool) }
      : null;
  const what = selected.size ? `${selected.size} selected ${selected.size === 1 ? "server" : "servers"}` : scope.pool ? "this pool" : "this server";
  return (
    <>
      <button type="button" className="btn-primary" disabled={!ask} title={ask ? undefined : "Pick a pool or tick servers first"} onClick={() => setOpen(true)}>
        Remediate {ask ? what : ""}
      </button>
      {open && ask && <RemediateDialog ask={ask} title={`Remediate ${what}`} onClose={() => setOpen(false)} />}
    </>
  );
}

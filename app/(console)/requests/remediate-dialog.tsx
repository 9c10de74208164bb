"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { DryRunDto } from "~/server/services/requests/schemas";
import { useTRPC } from "../../_trpc/client";
import { Dialog } from "../_components/form/dialog";
import { errorText } from "../_components/form/use-zod-form";
import { firmwareTypeLabel } from "../firmware/firmware-types";
import type { FirmwareType } from "~/server/services/firmware/schemas";

/** What to update: a baseline over a pool or servers, or one binary over servers. */
export type RemediationAsk =
  | { kind: "baseline"; baseline: number; pool?: number; servers?: number[] }
  | { kind: "firmware"; firmware: number; servers: number[] };
type ApplyTime = "immediate" | "on_reset";

/**
 * Fleet-wide work shows what will happen first: the dry run's plan per server, then one confirmation
 * starts the request and opens its live page.
 */
export function RemediateDialog({ ask, title, onClose }: { ask: RemediationAsk; title: string; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [applyTime, setApplyTime] = useState<ApplyTime>("immediate");
  const baseline = useMutation(trpc.requests.createBaselineUpdate.mutationOptions());
  const firmware = useMutation(trpc.requests.createFirmwareUpdate.mutationOptions());
  const send = (dryRun: boolean) => {
    const options = { dry_run: dryRun, apply_time: applyTime };
    if (ask.kind === "baseline") return baseline.mutateAsync({ data: { baseline: ask.baseline, pool: ask.pool, servers: ask.servers, ...options } });
    return firmware.mutateAsync({ data: { firmware: ask.firmware, servers: ask.servers, ...options } });
  };
  const [plan, setPlan] = useState<DryRunDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const askKey = JSON.stringify(ask);

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-plan when what is asked (by value) or the apply time changes; `send` is new each render.
  useEffect(() => {
    let current = true;
    setPlan(null);
    setError(null);
    send(true).then(
      (result) => current && "dry_run" in result && setPlan(result),
      (failure) => current && setError(errorText(failure)),
    );
    return () => void (current = false);
  }, [askKey, applyTime]);

  const start = async () => {
    setStarting(true);
    try {
      const result = await send(false);
      if ("id" in result) router.push(`/requests/${result.id}`);
    } catch (failure) {
      setError(errorText(failure));
      setStarting(false);
    }
  };
  const working = plan?.servers.filter((server) => server.components.length > 0) ?? [];

  return (
    <Dialog open title={title} wide onClose={onClose}>
      <label className="mb-3 flex items-center gap-2">
        Apply
        <select aria-label="Apply time" className="input w-auto" value={applyTime} onChange={(event) => setApplyTime(event.target.value as ApplyTime)}>
          <option value="immediate">now, restarting hosts where a component needs it</option>
          <option value="on_reset">at the next restart I make (stage only)</option>
        </select>
      </label>
      {error && (
        <p role="alert" className="mb-3 text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      {!plan && !error && <p className="mb-3 animate-pulse text-zinc-500">Planning…</p>}
      {plan && <PlanTable plan={plan} />}
      <div className="mt-4 flex items-center justify-end gap-2">
        {plan && (
          <span className="mr-auto text-zinc-500" data-testid="plan-summary">
            {working.length} of {plan.servers.length} {plan.servers.length === 1 ? "server" : "servers"} to update
          </span>
        )}
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn-primary" disabled={!plan || starting} onClick={start}>
          {starting ? "Starting…" : `Start update of ${plan?.servers.length ?? 0} ${plan?.servers.length === 1 ? "server" : "servers"}`}
        </button>
      </div>
    </Dialog>
  );
}

function PlanTable({ plan }: { plan: DryRunDto }) {
  return (
    <div className="max-h-80 overflow-y-auto rounded border border-zinc-200 dark:border-zinc-700">
      <table className="w-full text-sm" aria-label="plan">
        <thead className="bg-zinc-50 text-left text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Server
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Updates, in order
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.servers.map((server) => (
            <tr key={server.server_id} className="border-t border-zinc-100 align-top dark:border-zinc-800">
              <th scope="row" className="px-3 py-1.5 text-left font-medium">
                {server.server_name}
              </th>
              <td className="px-3 py-1.5">
                {server.components.length === 0 ? (
                  <span className="text-zinc-500">Nothing to do: already compliant</span>
                ) : (
                  <ol className="space-y-0.5">
                    {server.components.map((component) => (
                      <li key={component.firmware_id} title={component.steps.join(" → ")}>
                        {firmwareTypeLabel(component.firmware_type as FirmwareType)}{" "}
                        <span className="font-mono text-xs">
                          {component.from_version ?? "?"} → {component.to_version}
                        </span>
                      </li>
                    ))}
                  </ol>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

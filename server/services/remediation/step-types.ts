import type { NodeRow, RequestRow, RequestServerRow, RequestStepRow, ServerRow } from "~/db/schema";
import type { Database } from "~/db/client";
import type { ComponentRef, FirmwareReading, RedfishClient, UpdateTimeouts } from "~/server/redfish";
import type { BmcLease } from "../bmc-operations";
import type { AuditVersions } from "./persist";
import type { RemediationTarget, ComponentPlan } from "./schemas";
import type { RunOptions } from "./options";

export type StepState = Record<string, unknown>;

/** What a step answers; the runner persists it. */
export type StepOutcome =
  | { kind: "done"; message?: string; state?: StepState; skipped?: boolean; skipComponents?: { type: string; message: string }[]; audit?: AuditVersions }
  | { kind: "wait"; afterMs: number; status?: "waiting" | "waiting_for_reset" | "sending"; message?: string; state?: StepState }
  | { kind: "fail"; message: string; state?: StepState };

/** What one component's steps share, read from the steps before (plan, inventory entry, version before, image, accepted update). */
export type ComponentContext = {
  plan: ComponentPlan;
  ref: ComponentRef;
  before: string | null;
  /** Merged state of the component's earlier steps. */
  earlier: StepState;
};

export interface StepRun {
  db: Database;
  request: RequestRow;
  target: RemediationTarget & RunOptions;
  part: RequestServerRow;
  server: ServerRow;
  node: NodeRow;
  step: RequestStepRow;
  steps: RequestStepRow[];
  lease: BmcLease;
  signal: AbortSignal;
  timeouts: UpdateTimeouts;
  /** Versions this job read from the BMC (by firmware type) and nothing sent since: a later step of the job need not read them again. */
  freshVersions: Map<string, string | null>;
  /** The firmware reading this job took (the last confirmation before the final log of versions), nothing sent since. */
  freshFirmware: { reading: FirmwareReading | null };
  /** The BMC client, logged in on first use and logged out when the job ends. */
  client(): Promise<RedfishClient>;
  /**
   * Persists the step's status and state now, flushed to disk before it returns (the `sending` record before an update
   * goes out: a crash, even of PostgreSQL, must not hide an update the BMC may have accepted).
   */
  save(patch: { status?: RequestStepRow["status"]; state?: StepState; message?: string }): Promise<void>;
  component(): ComponentContext;
}

export const done = (message?: string, state?: StepState): StepOutcome => ({ kind: "done", message, state });
export const wait = (afterMs: number, message?: string, state?: StepState): StepOutcome => ({ kind: "wait", afterMs, message, state });
export const fail = (message: string, state?: StepState): StepOutcome => ({ kind: "fail", message, state });

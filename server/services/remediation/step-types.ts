import type { NodeRow, RequestRow, RequestServerRow, RequestStepRow, ServerRow } from "~/db/schema";
import type { Database } from "~/db/client";
import type { ComponentRef, FirmwareReading, RedfishClient, UpdateTimeouts } from "~/server/redfish";
import type { BmcLease } from "../bmc-operations";
import type { AuditVersions } from "./persist";
import type { RemediationTarget, ComponentPlan } from "./schemas";
import type { CheckedComponent } from "./step-server";
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
  /** What the compliance check read from the BMC (undefined: it did not read this component). */
  checked: CheckedComponent | undefined;
  /** That version, else the stored inventory's. */
  before: string | null;
  /** Merged state of the component's earlier steps. */
  earlier: StepState;
};

/** What a job read from the BMC; a send forgets it all (`forgetReadings`), since what it starts may change it. */
export interface JobReadings {
  /** Versions by firmware type. */
  versions: Map<string, string | null>;
  /** The whole firmware reading (the last confirmation before the final log of versions). */
  firmware: FirmwareReading | null;
  /**
   * The `@odata.id` of every job in the iDRAC's queue, as Dell's pre-step found it before deleting the finished ones: for
   * the send's snapshot, a list that may still hold deleted jobs is as good (a job id is never used again).
   */
  dellJobs: string[] | null;
}

export const noReadings = (): JobReadings => ({ versions: new Map(), firmware: null, dellJobs: null });

export function forgetReadings(readings: JobReadings): void {
  readings.versions.clear();
  readings.firmware = null;
  readings.dellJobs = null;
}

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
  /** What this job read from the BMC with nothing sent since: a later step of the job need not read it again. */
  fresh: JobReadings;
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

import type { FirmwareType } from "../types";
import type { FlashRecord } from "./bmc";
import type { TaskRecord } from "./tasks";

export type ApplyTime = "Immediate" | "OnReset";

/** A flash written but not active until the host powers on again. */
export interface PendingUpdate {
  version: string;
  task: TaskRecord;
  record: FlashRecord;
}

/** Supermicro's first phase: an uploaded image, checked by its "Verify" task, waiting for `StartUpdate`. */
export interface StagedUpload {
  image: Buffer;
  name: string;
  targets: string[];
  force: boolean;
  /** How Supermicro names the component in its task names ("BIOS", "BMC"). */
  label: string;
  verify: TaskRecord;
}

/**
 * What a BMC remembers about updates beyond its installed versions. Nothing here runs a timer:
 * the inventory lag is resolved when a version is read.
 */
export class UpdateState {
  readonly history: FlashRecord[] = [];
  readonly pending = new Map<FirmwareType, PendingUpdate>();
  /** The version each update replaced (Dell's `Previous-` entries, XCC's `BMC-Backup`). */
  readonly previous = new Map<FirmwareType, string>();
  /** XCC's `HttpPushUriTargetsBusy` claim: who holds it (`session:<id>`, or `basic:<user>`). */
  claimHolder?: string;
  /** `HttpPushUriTargets`: what the next push is for. */
  pushTargets: string[] = [];
  staged?: StagedUpload;
  /** OpenBMC's global `HttpPushUriOptions.HttpPushUriApplyTime.ApplyTime`. */
  pushApplyTime: ApplyTime = "Immediate";
  private readonly lag = new Map<FirmwareType, { shown: string | undefined; until: number }>();

  /** The version still shown for `type` while the inventory lags behind a flash, if it does. */
  lagging(type: FirmwareType): string | undefined {
    const held = this.lag.get(type);
    if (!held) return undefined;
    if (Date.now() < held.until) return held.shown;
    this.lag.delete(type);
    return undefined;
  }

  /** Keeps showing `shown` for `type` for `ms` after a flash. */
  holdVersion(type: FirmwareType, shown: string | undefined, ms: number): void {
    if (ms > 0) this.lag.set(type, { shown, until: Date.now() + ms });
  }

  discardStaged(): void {
    this.staged = undefined;
  }
}

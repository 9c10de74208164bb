import type { FlashOutcome, UpdateMethod } from "./bmc/bmc";
import type { BmcHandle } from "./fleet";
import type { Faults, FirmwareType, FirmwareVersions, Habits, PowerState, VendorKey } from "./types";

/** One flash a BMC accepted, as the control endpoint reports it. */
export interface FlashHistoryEntry {
  /** The component the image was for; null when the image could not be read. */
  type: FirmwareType | null;
  from_version: string | null;
  to_version: string | null;
  outcome: FlashOutcome;
  requested_at: string;
  /** Null while `running` or `pending_reset`. */
  finished_at: string | null;
  /** The URL the BMC pulled; null for a pushed image. */
  image_uri: string | null;
  image_name: string;
  method: UpdateMethod;
  task_id: string | null;
  targets: string[];
  apply_time: "Immediate" | "OnReset";
  force: boolean;
  /** Why it failed, or was not applied. */
  message: string | null;
}

/** A BMC as `GET /bmcs/{address}` answers it. */
export interface BmcState {
  address: string;
  port: number;
  url: string;
  vendor: VendorKey;
  model: string;
  serial: string;
  power_state: PowerState;
  /** Installed versions by component (what a client reads may lag, see `habits.inventoryLagMs`). */
  firmware: FirmwareVersions;
  /** Versions written and waiting for the host to restart. */
  pending: FirmwareVersions;
  /** Live sessions. */
  sessions: number;
  flash_history: FlashHistoryEntry[];
  faults: Faults;
  habits: Habits;
}

const iso = (date: Date | undefined) => date?.toISOString() ?? null;

export function bmcState(bmc: BmcHandle): BmcState {
  return {
    address: bmc.address,
    port: bmc.port,
    url: bmc.url,
    vendor: bmc.vendor,
    model: bmc.model,
    serial: bmc.serial,
    power_state: bmc.powerState,
    firmware: bmc.firmware,
    pending: bmc.pendingFirmware,
    sessions: bmc.sessions.length,
    flash_history: bmc.flashHistory.map((record) => ({
      type: record.type ?? null,
      from_version: record.fromVersion ?? null,
      to_version: record.toVersion ?? null,
      outcome: record.outcome,
      requested_at: record.requestedAt.toISOString(),
      finished_at: iso(record.finishedAt),
      image_uri: record.imageUri ?? null,
      image_name: record.imageName,
      method: record.method,
      task_id: record.taskId ?? null,
      targets: record.targets ?? [],
      apply_time: record.applyTime,
      force: record.force,
      message: record.message ?? null,
    })),
    faults: bmc.faults,
    habits: bmc.habits,
  };
}

/**
 * Default time budgets for an update, per vendor and component, from what others use (see
 * ../shared/BMC-UPDATES.md, "Timings and concurrency"). The engine turns them into settings; these
 * are only the defaults.
 */
import { canonicalVendor } from "~/server/lib/vendors";
import type { FirmwareComponent } from "../inventory/types";

export interface UpdateTimeouts {
  /** From sending to the BMC's task ending (download, verify, flash). */
  taskMs: number;
  /** After a BMC flashed itself: until it answers again with three agreeing reads of its version. */
  bmcReturnMs: number;
  /** A graceful restart (or shutdown) before the forced one. */
  gracefulRestartMs: number;
  /** From power-on to the host on and the new version readable. */
  powerOnMs: number;
  /** Between polls when the BMC gives no `Retry-After`. */
  pollIntervalMs: number;
}

const MINUTE = 60_000;

/**
 * - task: FAS sees "a few minutes or over 20 minutes" per update: 30 min by default; HPE 2,400 s
 *   (fwupd's cap for iLO; iLO 5 upload and flash took 4 min 38 s); AMI MegaRAC 4,000 s (Cray FAS).
 * - BMC back: Ironic's BMC timeout is 300 s and iLO 5 is back about a minute after its flash;
 *   Dell's scripts wait 5-6 min after an iDRAC update: 10 min there and by default.
 * - graceful restart: Ironic's reboot delay, 300 s. Power-on: a BIOS version may show only once the
 *   host is on (Cray FAS), and large servers POST for minutes: 15 min.
 * - poll: Ironic polls every 60 s; 15 s here (a task's `Retry-After` wins).
 */
export const DEFAULT_UPDATE_TIMEOUTS: UpdateTimeouts = {
  taskMs: 30 * MINUTE,
  bmcReturnMs: 10 * MINUTE,
  gracefulRestartMs: 5 * MINUTE,
  powerOnMs: 15 * MINUTE,
  pollIntervalMs: 15_000,
};

/**
 * Per vendor (canonical name, or `AMI`), where it differs from the default. The sources give no
 * per-component figures: `bmcReturnMs` applies to BMC updates, `gracefulRestartMs` and `powerOnMs`
 * to components that need a host restart, `taskMs` to all.
 */
export const VENDOR_UPDATE_TIMEOUTS: Record<string, Partial<UpdateTimeouts>> = {
  HPE: { taskMs: 2400_000, bmcReturnMs: 5 * MINUTE },
  AMI: { taskMs: 4000_000 },
};

/** The default budgets on one vendor's BMC (any alias: `Dell Inc.`, `HP`...). */
export function updateTimeoutsFor(vendor: string | null): UpdateTimeouts {
  return { ...DEFAULT_UPDATE_TIMEOUTS, ...VENDOR_UPDATE_TIMEOUTS[vendor ? canonicalVendor(vendor) : ""] };
}

/**
 * Components whose new firmware takes effect only after a host restart, the same on every vendor
 * we know of. Dell: BIOS, CPLD, NIC, PERC, PSU, FC, disks and backplane need one; iDRAC,
 * diagnostics, driver pack, ISM and OS collector do not (Dell DeviceFirmwareDellUpdateServiceREDFISH.py).
 * HPE: iLO applies at once, BIOS is staged until the next reboot. Elsewhere (inferred) the same.
 * `other` (CPLD, PSU, disks...) is restarted to be safe. A task that ends asking for a reset
 * (`reset_required`, `scheduled`) wins over this table.
 */
export const HOST_RESTART: Record<FirmwareComponent, boolean> = { bios: true, bmc: false, storage_controller: true, nic: true, other: true };

import { z } from "zod";
import { loopbackRange } from "./address";
import type { BmcSpec } from "./bmc/bmc";
import { FIRMWARE_TYPES, VENDOR_KEYS, type Timings } from "./types";
import { profileFor } from "./vendors";

export const faultsSchema = z
  .object({
    latencyMs: z.number().nonnegative().optional(),
    errorRate: z.number().min(0).max(1).optional(),
    resetRate: z.number().min(0).max(1).optional(),
    hang: z.boolean().optional(),
    failTasks: z.union([z.boolean(), z.string()]).optional(),
    sessionTimeoutMs: z.number().positive().optional(),
    lockout: z.object({ attempts: z.number().int().positive(), durationMs: z.number().positive() }).strict().optional(),
  })
  .strict();

const timingsSchema = z
  .object({
    powerMs: z.number().nonnegative(),
    taskMs: z.number().nonnegative(),
    bmcRestartMs: z.number().nonnegative(),
    sessionTimeoutMs: z.number().positive(),
  })
  .partial()
  .strict();

const vendorSchema = z.enum([...VENDOR_KEYS, "mixed"]);

/** Firmware variants (see `Quirks`); a profile that lacks one refuses it. */
const quirksSchema = z.object({ smartStorageOnly: z.boolean().optional(), trailingSlash: z.boolean().optional() }).strict();

/** Update habits (see `Habits`); a profile that lacks one refuses it. */
const habitsSchema = z
  .object({
    dropSessionsOnReset: z.boolean(),
    inventoryLagMs: z.number().nonnegative(),
    tasksPurgedEarly: z.boolean(),
    alreadyPresent: z.boolean(),
    unlicensed: z.boolean(),
    ignoresPackages: z.boolean(),
    pushClaim: z.boolean(),
    biosNeedsHostOff: z.boolean(),
  })
  .partial()
  .strict();

/** A run of identical BMCs in a heterogeneous fleet (`bmcs` in a --config file). */
const groupSchema = z
  .object({
    count: z.number().int().positive().default(1),
    vendor: vendorSchema.optional(),
    model: z.string().min(1).optional(),
    firmware: z.partialRecord(z.enum(FIRMWARE_TYPES), z.string().min(1)).optional(),
    username: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
    faults: faultsSchema.optional(),
    quirks: quirksSchema.optional(),
    habits: habitsSchema.optional(),
    maxSessions: z.number().int().positive().optional(),
  })
  .strict();

export const fleetOptionsSchema = z
  .object({
    /** Number of BMCs when `bmcs` is not given (default 1). */
    count: z.number().int().positive().optional(),
    /** First address; the others follow consecutively. Must be in 127.0.0.0/8. */
    base: z.string().default("127.50.5.1"),
    /** Same port on every address; 0 lets each BMC pick a free one. */
    port: z.number().int().min(0).max(65535).default(0),
    vendor: vendorSchema.default("dell"),
    username: z.string().min(1).default("root"),
    password: z.string().min(1).default("bmc_password"),
    /** Makes serials, MACs, UUIDs and firmware versions reproducible. */
    seed: z.union([z.number(), z.string()]).optional(),
    /** Plain HTTP instead of HTTPS. */
    http: z.boolean().default(false),
    /** Keep the TLS key and certificate in this directory (generated there once) instead of a new one per process. */
    certificateDir: z.string().min(1).optional(),
    timings: timingsSchema.optional(),
    /** Applied to every BMC; a group's own faults win. */
    faults: faultsSchema.optional(),
    /** Applied to every BMC whose profile has the variant; a group's own quirks win. */
    quirks: quirksSchema.optional(),
    /** Applied to every BMC whose profile has the habit; a group's own habits win. */
    habits: habitsSchema.optional(),
    maxSessions: z.number().int().positive().optional(),
    bmcs: z.array(groupSchema).min(1).optional(),
    /** Serve the control endpoint (JSON over plain HTTP) on 127.0.0.1 at this port; 0 picks a free one. */
    controlPort: z.number().int().min(0).max(65535).optional(),
  })
  .strict();

export type FleetOptions = z.input<typeof fleetOptionsSchema>;

/** Realistic defaults for a fleet run by hand; tests pass short ones. */
export const DEFAULT_TIMINGS: Timings = { powerMs: 3000, taskMs: 15_000, bmcRestartMs: 20_000, sessionTimeoutMs: 30 * 60_000 };

export interface ResolvedFleet {
  port: number;
  controlPort?: number;
  secure: boolean;
  certificateDir?: string;
  seed: string;
  specs: BmcSpec[];
}

export function resolveFleet(input: FleetOptions): ResolvedFleet {
  const parsed = fleetOptionsSchema.safeParse(input);
  if (!parsed.success) throw new Error(`invalid fleet options:\n${z.prettifyError(parsed.error)}`);
  const options = parsed.data;
  if (options.bmcs && options.count !== undefined) throw new Error("give either count or bmcs, not both");
  const groups = options.bmcs ?? [{ count: options.count ?? 1 }];
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  const addresses = loopbackRange(options.base, total);
  const seed = String(options.seed ?? Math.floor(Math.random() * 2 ** 31));
  const timings = { ...DEFAULT_TIMINGS, ...options.timings };
  const specs: BmcSpec[] = [];
  for (const group of groups) {
    for (let i = 0; i < group.count; i++) {
      const index = specs.length;
      const vendor = group.vendor ?? options.vendor;
      const profile = profileFor(vendor, index);
      specs.push({
        index,
        address: addresses[index],
        profile,
        model: group.model,
        firmware: group.firmware ?? {},
        username: group.username ?? options.username,
        password: group.password ?? options.password,
        faults: { ...options.faults, ...group.faults },
        quirks: {
          ...(options.bmcs || vendor === "mixed" ? supportedOnly(options.quirks, profile.quirks) : options.quirks),
          ...(vendor === "mixed" ? supportedOnly(group.quirks, profile.quirks) : group.quirks),
        },
        habits: {
          ...(options.bmcs || vendor === "mixed" ? supportedOnly(options.habits, Object.keys(profile.habits)) : options.habits),
          ...(vendor === "mixed" ? supportedOnly(group.habits, Object.keys(profile.habits)) : group.habits),
        },
        timings,
        maxSessions: group.maxSessions ?? options.maxSessions,
        seed,
        secure: !options.http,
      });
    }
  }
  return { port: options.port, controlPort: options.controlPort, secure: !options.http, certificateDir: options.certificateDir, seed, specs };
}

/**
 * Quirks and habits given for a mixed fleet, or fleet-wide beside groups, go only to the profiles
 * that have them; those asked of one vendor stay, so that a profile lacking one refuses it with a clear error.
 */
function supportedOnly<T extends object>(values: T | undefined, supported: readonly string[]): Partial<T> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([key]) => supported.includes(key))) as Partial<T>;
}

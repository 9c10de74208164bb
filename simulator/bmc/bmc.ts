import { pathsOf, type Paths } from "../resources/paths";
import { createRng, type Rng } from "../rng";
import type { Faults, FirmwareType, FirmwareVersions, Habits, PowerState, Quirks, Timings, VendorKey } from "../types";
import type { ModelSpec, VendorProfile } from "../vendors/types";
import { initialFirmware, makeIdentity, type Identity } from "./identity";
import { SessionStore, type SessionInfo } from "./sessions";
import { TaskStore, type TaskInfo, } from "./tasks";
import { UpdateState } from "./update-state";

export interface BmcSpec {
  index: number;
  address: string;
  profile: VendorProfile;
  model?: string;
  firmware: FirmwareVersions;
  username: string;
  password: string;
  faults: Faults;
  quirks: Quirks;
  habits: Habits;
  timings: Timings;
  maxSessions?: number;
  seed: string;
  secure: boolean;
}

/** How a flash reached the BMC: the action or push URI a client used. */
export type UpdateMethod = "SimpleUpdate" | "InstallFromURI" | "MultipartHttpPushUri" | "HttpPushUri" | "StartUpdate";

/**
 * Where a flash the BMC accepted ended: still `running`; written and waiting for the host to
 * restart (`pending_reset`); `applied`; `failed` (its task ended in Exception); `already_present`
 * (Dell: that version was installed, nothing applied); `ignored` (iLO 5 took a package it never flashes).
 */
export type FlashOutcome = "running" | "pending_reset" | "applied" | "failed" | "already_present" | "ignored";

/** One flash a BMC accepted: every accepted SimpleUpdate, InstallFromURI, push or StartUpdate adds one. */
export interface FlashRecord {
  /** The task (or Dell job) that tracks it; none where the BMC made none (iLO's ignored packages). */
  taskId?: string;
  method: UpdateMethod;
  /** The URL the BMC pulled the image from; undefined for a pushed image. */
  imageUri?: string;
  /** The image's file name: the last segment of the URL, or the pushed file's name. */
  imageName: string;
  /** `Targets` as sent; the image itself decides what is flashed. */
  targets?: string[];
  applyTime: "Immediate" | "OnReset";
  force: boolean;
  type?: FirmwareType;
  fromVersion?: string;
  toVersion?: string;
  requestedAt: Date;
  finishedAt?: Date;
  outcome: FlashOutcome;
  message?: string;
}

/** One simulated BMC: its state, and the handle tests use to inspect it and inject faults. */
export class Bmc {
  readonly index: number;
  readonly address: string;
  port = 0;
  readonly profile: VendorProfile;
  readonly modelSpec: ModelSpec;
  readonly identity: Identity;
  readonly username: string;
  readonly password: string;
  readonly timings: Timings;
  readonly maxSessions: number;
  readonly sessionStore: SessionStore;
  readonly taskStore: TaskStore;
  readonly installed: Map<FirmwareType, string>;
  /** Pending and past flashes, push claims, staged uploads. */
  readonly updates = new UpdateState();
  readonly faultRng: Rng;
  readonly quirks: Quirks;
  readonly habits: Habits;
  /** Whether this BMC's `@odata.id`s end in `/` (the profile's default unless a quirk says otherwise). */
  readonly trailingSlash: boolean;
  readonly startedAt = new Date();
  power: PowerState = "On";
  failedLogins = 0;
  lockedUntil = 0;
  private restartUntil = 0;
  private currentFaults: Faults;
  private readonly timers = new Set<NodeJS.Timeout>();
  private powerTimer?: NodeJS.Timeout;
  private readonly secure: boolean;
  private readonly seed: string;
  stopped = false;

  constructor(spec: BmcSpec) {
    const { profile } = spec;
    const rng = createRng(`${spec.seed}/${spec.index}/identity`);
    const model = spec.model ?? rng.pick(profile.models).name;
    const modelSpec = profile.models.find((candidate) => candidate.name.toLowerCase() === model.toLowerCase());
    if (!modelSpec) {
      throw new Error(`${profile.key} has no model "${model}" (known: ${profile.models.map((m) => m.name).join(", ")})`);
    }
    for (const quirk of Object.keys(spec.quirks)) {
      if (!profile.quirks.includes(quirk as keyof Quirks)) {
        throw new Error(`${profile.key} has no ${quirk} variant (it has: ${profile.quirks.join(", ") || "none"})`);
      }
    }
    for (const habit of Object.keys(spec.habits)) {
      if (!(habit in profile.habits)) {
        throw new Error(`${profile.key} has no ${habit} habit (it has: ${Object.keys(profile.habits).join(", ")})`);
      }
    }
    for (const type of Object.keys(spec.firmware)) {
      if (!profile.components.some((component) => component.type === type)) {
        throw new Error(`${profile.key} has no ${type} firmware component`);
      }
    }
    this.index = spec.index;
    this.address = spec.address;
    this.profile = profile;
    this.modelSpec = modelSpec;
    this.identity = makeIdentity(profile, modelSpec, rng);
    this.installed = initialFirmware(profile, rng, spec.firmware);
    this.username = spec.username;
    this.password = spec.password;
    this.timings = spec.timings;
    this.maxSessions = spec.maxSessions ?? profile.sessions.max;
    this.currentFaults = { ...spec.faults };
    this.quirks = { ...spec.quirks };
    this.habits = { ...profile.habits, ...spec.habits };
    this.trailingSlash = spec.quirks.trailingSlash ?? profile.defaultTrailingSlash;
    this.secure = spec.secure;
    this.seed = spec.seed;
    this.faultRng = createRng(`${spec.seed}/${spec.index}/faults`);
    const stateRng = createRng(`${spec.seed}/${spec.index}/state`);
    this.sessionStore = new SessionStore(profile, stateRng, () => this.faults.sessionTimeoutMs ?? this.timings.sessionTimeoutMs);
    this.taskStore = new TaskStore(profile, stateRng);
  }

  /** A generator for one detail (a DIMM serial, a PSU serial...): derived on demand, never stored. */
  derive(key: string): Rng {
    return createRng(`${this.seed}/${this.index}/${key}`);
  }
  /** Where this BMC reports storage: DMTF `Storage`, HPE `SmartStorage`, or both. */
  get storage(): VendorProfile["storage"] {
    return this.quirks.smartStorageOnly ? "smart-storage" : this.profile.storage;
  }

  get vendor(): VendorKey {
    return this.profile.key;
  }
  get model(): string {
    return this.modelSpec.name;
  }
  get serial(): string {
    return this.identity.serial;
  }
  /** This vendor's resource paths (system, manager, update service...), without trailing slash. */
  get paths(): Paths {
    return pathsOf(this.profile);
  }
  get url(): string {
    return `${this.secure ? "https" : "http"}://${this.address}:${this.port}`;
  }
  get powerState(): PowerState {
    return this.power;
  }
  /** Installed (running) firmware versions by component type; what a client reads may lag (`inventoryLagMs`). */
  get firmware(): FirmwareVersions {
    return Object.fromEntries(this.installed);
  }
  /** Versions flashed but waiting for a power cycle (BIOS, or anything sent with `OnReset`). */
  get pendingFirmware(): FirmwareVersions {
    return Object.fromEntries([...this.updates.pending].map(([type, update]) => [type, update.version]));
  }
  get flashHistory(): FlashRecord[] {
    return this.updates.history.map((record) => ({ ...record }));
  }
  /** The version of `type` a client reads: the installed one, or the one it replaced while the inventory lags. */
  reported(type: FirmwareType): string | undefined {
    return this.updates.lagging(type) ?? this.installed.get(type);
  }
  get sessions(): SessionInfo[] {
    return this.sessionStore.list().map(({ id, username, createdAt, lastUsedAt }) => ({
      id,
      username,
      createdAt,
      lastUsedAt: new Date(lastUsedAt),
    }));
  }
  get tasks(): TaskInfo[] {
    return this.taskStore.list().map((task) => ({
      id: task.id,
      kind: task.kind,
      state: task.state,
      percent: task.percent,
      imageUri: task.imageUri,
      messages: task.messages.map((message) => message.Message),
    }));
  }
  get faults(): Faults {
    return this.currentFaults;
  }
  /** Changes faults at runtime; keys set to undefined are cleared. */
  setFaults(patch: Faults): void {
    const merged: Record<string, unknown> = { ...this.currentFaults, ...patch };
    this.currentFaults = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)) as Faults;
    if (!this.currentFaults.lockout) this.lockedUntil = 0;
  }
  clearFaults(): void {
    this.currentFaults = {};
    this.lockedUntil = 0;
    this.failedLogins = 0;
  }
  /** Force-expires every session, as a BMC that times them out early; returns how many ended. */
  expireSessions(): number {
    return this.sessionStore.clear();
  }
  /** True while the BMC reboots after flashing itself (it answers 503). */
  get restarting(): boolean {
    return this.restartUntil > Date.now();
  }
  get restartRemainingMs(): number {
    return Math.max(0, this.restartUntil - Date.now());
  }

  /** Reboots the manager: sessions are lost (unless the habit is off) and requests get 503 until it is back. */
  restartManager(whenBack?: () => void): void {
    this.restartUntil = Date.now() + this.timings.bmcRestartMs;
    if (this.habits.dropSessionsOnReset) this.sessionStore.clear();
    this.updates.discardStaged();
    this.later(this.timings.bmcRestartMs, () => {
      this.restartUntil = 0;
      whenBack?.();
    });
  }

  later(ms: number, run: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) run();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.later(ms, resolve));
  }

  /** Schedules the end of a power transition, replacing any transition under way. */
  powerLater(ms: number, run: () => void): void {
    if (this.powerTimer) {
      clearTimeout(this.powerTimer);
      this.timers.delete(this.powerTimer);
    }
    this.powerTimer = this.later(ms, run);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

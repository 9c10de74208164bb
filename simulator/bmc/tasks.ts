import type { Rng } from "../rng";
import type { VendorProfile } from "../vendors/types";
import type { UpdateMethod } from "./bmc";

export type TaskPhase = "queued" | "downloading" | "flashing" | "restarting" | "scheduled" | "done" | "failed";
export type TaskState = "New" | "Running" | "Pending" | "Completed" | "Exception";
/** The update method a task tracks, or Supermicro's check of an uploaded image before `StartUpdate`. */
export type TaskKind = UpdateMethod | "Verify";

export interface TaskMessage {
  MessageId: string;
  Message: string;
  MessageArgs: string[];
  Severity: "OK" | "Warning" | "Critical";
}

const STATE_OF_PHASE: Record<TaskPhase, TaskState> = {
  queued: "New",
  downloading: "Running",
  flashing: "Running",
  restarting: "Running",
  scheduled: "Pending",
  done: "Completed",
  failed: "Exception",
};

export class TaskRecord {
  phase: TaskPhase = "queued";
  readonly messages: TaskMessage[] = [];
  readonly startTime = new Date();
  endTime?: Date;
  monitorPath?: string;
  /** The component being flashed, once the image was read. */
  target?: string;
  /** Set once a finished monitor was read by a vendor that forgets it afterwards. */
  monitorGone = false;
  /** Gone from TaskService and its monitor at once (the `tasksPurgedEarly` habit); a Dell job stays. */
  purged = false;
  /** The vendor's own name for the task (Supermicro's "BIOS Verify"); default `Task <id>`. */
  name?: string;
  /** The vendor's final word where it is not plain success (Dell's "already present"). */
  completion?: TaskMessage;
  private progress = { at: Date.now(), ms: 1, from: 0, to: 0 };

  constructor(
    readonly id: string,
    readonly kind: TaskKind,
    /** The image pulled (its URL) or pushed (its file name). */
    readonly imageUri: string,
    /** The URI the client posted to (the task's `Payload.TargetUri`). */
    readonly targetUri: string,
  ) {}

  /** Moves to `phase`; PercentComplete then runs from `from` to `to` over `ms`. */
  enter(phase: TaskPhase, from: number, to = from, ms = 1): void {
    this.phase = phase;
    this.progress = { at: Date.now(), ms: Math.max(ms, 1), from, to };
    if (phase === "done" || phase === "failed") this.endTime = new Date();
  }

  get percent(): number {
    const { at, ms, from, to } = this.progress;
    return Math.round(from + (to - from) * Math.min(1, (Date.now() - at) / ms));
  }

  get state(): TaskState {
    return STATE_OF_PHASE[this.phase];
  }

  get finished(): boolean {
    return this.phase === "done" || this.phase === "failed";
  }
}

export interface TaskInfo {
  id: string;
  kind: TaskKind;
  state: TaskState;
  percent: number;
  imageUri: string;
  messages: string[];
}

export class TaskStore {
  private readonly byId = new Map<string, TaskRecord>();
  private counter = 0;

  constructor(
    private readonly profile: VendorProfile,
    private readonly rng: Rng,
  ) {}

  create(kind: TaskKind, imageUri: string, targetUri: string): TaskRecord {
    const task = new TaskRecord(this.profile.tasks.id(++this.counter, this.rng), kind, imageUri, targetUri);
    task.monitorPath = this.profile.tasks.monitor?.path(task.id, this.rng);
    this.byId.set(task.id.toLowerCase(), task);
    return task;
  }

  get(id: string): TaskRecord | undefined {
    return this.byId.get(id.toLowerCase());
  }

  byMonitor(path: string): TaskRecord | undefined {
    const wanted = path.replace(/\/$/, "").toLowerCase();
    return this.list().find((task) => task.monitorPath?.replace(/\/$/, "").toLowerCase() === wanted);
  }

  delete(id: string): void {
    this.byId.delete(id.toLowerCase());
  }

  list(): TaskRecord[] {
    return [...this.byId.values()];
  }

  /** The tasks TaskService lists (purged ones are gone from it). */
  visible(): TaskRecord[] {
    return this.list().filter((task) => !task.purged);
  }

  latest(kind: TaskKind): TaskRecord | undefined {
    return this.list().findLast((task) => task.kind === kind);
  }
}

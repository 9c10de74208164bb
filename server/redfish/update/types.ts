/**
 * The serialisable records of a firmware update, as the remediation engine stores them between
 * steps: what is asked (`UpdateRequest`), how it will be sent (`UpdatePlan`), what was seen before
 * sending (`PreparedUpdate`), and what the BMC accepted (`AcceptedUpdate`). Plain JSON throughout.
 */
import type { FirmwareComponent } from "../inventory/types";

export type ApplyTime = "Immediate" | "OnReset";

export interface UpdateRequest {
  component: FirmwareComponent;
  /** The server's system (`servers.system_path`): the BIOS target. */
  systemPath: string;
  /** The server's manager (`servers.manager_path`): the BMC target; Dell jobs live under it. */
  managerPath: string | null;
  /** The component's firmware inventory `@odata.id` (`server_firmwares.odata_id`), when known. */
  inventoryId?: string | null;
  image: {
    /** Where the BMC can pull the image from (Rackpilot's own copy): SimpleUpdate, InstallFromURI. */
    url?: string | null;
    /** A local path of the same image, for a push (multipart or raw). */
    file?: string | null;
    /** The image's file name (decides iLO 5's image types); default: the last segment of `url` or `file`. */
    name?: string | null;
    /** The version the BMC will report once installed (recovery compares it). */
    version?: string | null;
  };
  /** `Immediate` (default) or `OnReset` (staged until the host restarts). */
  applyTime?: ApplyTime;
  /** Send `ForceUpdate: true` (DMTF: bypass the BMC's update policies, e.g. re-flash the same version). */
  force?: boolean;
}

export type UpdateMethod = "simple_update" | "multipart_push" | "http_push" | "install_from_uri";

/** How one update is sent: the endpoint and every parameter, decided before anything is sent. */
export interface UpdatePlan {
  method: UpdateMethod;
  /** The URI posted to (action target or push URI). */
  target: string;
  /** `Targets` sent (SimpleUpdate or UpdateParameters); null when left out. */
  targets: string[] | null;
  /** `@Redfish.OperationApplyTime` sent; null when left out. */
  applyTime: ApplyTime | null;
  /** `TransferProtocol` sent with SimpleUpdate; null when left out. */
  transferProtocol: string | null;
  /** Whether `ForceUpdate: true` is sent. */
  force: boolean;
  /** Push: PATCH `HttpPushUriOptions.HttpPushUriApplyTime.ApplyTime` to this first (OpenBMC's global apply time). */
  pushApplyTime: ApplyTime | null;
  /** Push: claim `HttpPushUriTargetsBusy` with these targets first, release when done (Lenovo XCC). */
  claimTargets: string[] | null;
  /** Push: upload with `OnStartUpdateRequest`, then `UpdateService.StartUpdate` at this target (Supermicro). */
  startUpdateTarget: string | null;
  /** Push: the `Oem` object of `UpdateParameters` (Supermicro's preserve-settings flags). */
  oem: Record<string, unknown> | null;
  /** The UpdateService (or iLO 4's manager UpdateService) the plan was read from. */
  updateService: string;
  /** The host must be powered off before sending (OpenBMC's BIOS); the caller powers it on after the task. */
  hostOffFirst: boolean;
  /** Push: the largest image the BMC takes (`MaxImageSizeBytes`), checked before uploading. */
  maxImageBytes: number | null;
  /** Where HPE reports the flash beside (or instead of) a task: iLO 4 `State`, iLO 5 `Oem.Hpe.State`. */
  hpeFlashState: { path: string; legacy: boolean } | null;
  /** The image as sent: `url` for a pull, `file` for a push; `name` as the BMC sees it. */
  image: { url: string | null; file: string | null; name: string };
}

/** What a recovery compares with after a crash between sending and recording. */
export interface UpdateSnapshot {
  /** `@odata.id`s of the tasks (and Dell jobs) that existed before sending. */
  taskIds: string[];
  /** The installed version of the component before sending. */
  installedVersion: string | null;
  /** When the snapshot was taken (our clock), ISO 8601. */
  takenAt: string;
}

/**
 * What the caller knows of the BMC before a send (read through the same client, with nothing since that could change
 * it): the snapshot does not read it again.
 */
export interface SnapshotHints {
  /** The component's installed version. */
  installed?: { version: string | null };
  /** The `@odata.id` of every job in the iDRAC's queue (it may still name jobs deleted since: a job id is never used again). */
  dellJobs?: string[];
}

export interface PreparedUpdate {
  request: UpdateRequest;
  plan: UpdatePlan;
  snapshot: UpdateSnapshot;
  bmc: string;
  vendor: string | null;
}

/**
 * Where the progress of an accepted update can be read, most specific first. Several may be
 * set (a monitor and its task); none set means the BMC gave nothing to follow.
 */
export interface Tracker {
  /** DSP0266 task monitor (202 while running). */
  monitor?: string;
  /** Task resource (read when the monitor is gone, or deletes the task when read: Lenovo XCC). */
  task?: string;
  /** Dell LC job (`JID_…`) and where it can be read. */
  dellJob?: { id: string; paths: string[] };
  /** HPE's flash state on the UpdateService: iLO 4 `State`/`ProgressPercent`, iLO 5 `Oem.Hpe.State`/`FlashProgressPercent`. */
  hpeUpdateService?: { path: string; legacy: boolean };
}

export interface AcceptedUpdate {
  bmc: string;
  method: UpdateMethod;
  component: FirmwareComponent;
  /** When the update was sent (our clock), ISO 8601. */
  sentAt: string;
  /** The HTTP status of the accepting answer (202, 200, 204); null when found by a recovery. */
  status: number | null;
  tracker: Tracker;
  /** The BMC answered without anything to follow (200 with no task): confirm by inventory only. */
  noTask: boolean;
  /** `Retry-After` of the accepting answer, in milliseconds. */
  retryAfterMs: number | null;
  imageUrl: string | null;
  imageName: string;
  /** The push claim (Lenovo XCC) to release once the update is over. */
  claim: { updateService: string; targets: string[] } | null;
  /** Messages the BMC gave with its answer. */
  messages: string[];
}

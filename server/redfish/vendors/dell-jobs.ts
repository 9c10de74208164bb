/**
 * iDRAC's Lifecycle Controller job queue (iDRAC 8/9). An update answers with a job (`JID_…`), the
 * Redfish task is purged after success but the job stays (dell/iDRAC-Redfish-Scripting), and Dell's
 * advice before updating is a clear queue.
 */
import type { RedfishClient } from "../client";
import { readMemberLinks } from "../collections";
import { RedfishProtocolError } from "../errors";
import { dig, idOf, linkOf, linkTarget, num, prop, text, type Json } from "../odata";

const DEFAULT_MANAGER = "/redfish/v1/Managers/iDRAC.Embedded.1";

function managerOf(managerPath: string | null): string {
  return (managerPath ?? DEFAULT_MANAGER).replace(/\/$/, "");
}

/** Where a job can be read: the manager's `Jobs`, its `Oem/Dell/Jobs`, the JobService, then the (purgeable) task. */
export function dellJobTracker(id: string, managerPath: string | null): { id: string; paths: string[] } {
  const manager = managerOf(managerPath);
  return {
    id,
    paths: [`${manager}/Jobs/${id}`, `${manager}/Oem/Dell/Jobs/${id}`, `/redfish/v1/JobService/Jobs/${id}`, `/redfish/v1/TaskService/Tasks/${id}`],
  };
}

export interface DellJob {
  id: string;
  odataId: string;
  name: string | null;
  jobType: string | null;
  /** `JobState` as reported: New, Downloading, Scheduled, Running, Completed, Failed, CompletedWithErrors... */
  state: string | null;
  percent: number | null;
  message: string | null;
}

/** States after which a job will not run again: the only ones the queue may be cleared of. */
const FINISHED = /^(completed|failed|completedwitherrors|aborted|cancell?ed)$/i;

export function isFinishedDellJob(job: DellJob): boolean {
  return job.state !== null && FINISHED.test(job.state);
}

function dellJob(resource: Json): DellJob {
  return {
    id: text(prop(resource, "Id")) ?? "",
    odataId: idOf(resource) ?? "",
    name: text(prop(resource, "Name")),
    jobType: text(prop(resource, "JobType")),
    state: text(prop(resource, "JobState")),
    percent: num(prop(resource, "PercentComplete")),
    message: text(prop(resource, "Message")),
  };
}

/** Every job in the iDRAC's queue; null when the manager has no job collection (not an iDRAC). */
export async function readDellJobQueue(client: RedfishClient, managerPath: string | null): Promise<DellJob[] | null> {
  const manager = managerOf(managerPath);
  for (const path of [`${manager}/Jobs`, `${manager}/Oem/Dell/Jobs`]) {
    const members = await client.findMembers(path);
    if (members) return members.map(dellJob);
  }
  return null;
}

/** The DellJobService the manager links (`Links.Oem.Dell` or `Oem.Dell`), else where iDRAC9 serves it. */
async function jobService(client: RedfishClient, managerPath: string | null): Promise<Json> {
  const manager = managerOf(managerPath);
  const resource = await client.findResource(manager);
  const linked = linkTarget(dig(resource, "Links", "Oem", "Dell", "DellJobService")) ?? linkOf(dig(resource, "Oem", "Dell"), "DellJobService");
  const candidates = linked ? [linked] : ["/redfish/v1/Dell/Managers/iDRAC.Embedded.1/DellJobService", `${manager}/Oem/Dell/DellJobService`];
  for (const path of candidates) {
    const service = await client.findResource(path);
    if (service) return service;
  }
  throw new RedfishProtocolError(client.bmc, `${manager} has no DellJobService to clear its job queue with`);
}

export interface JobQueueCleanup {
  /** Finished jobs deleted. */
  deleted: string[];
  /** Jobs left because they are not finished (new, downloading, scheduled, running...): never deleted. */
  active: DellJob[];
  /** The `@odata.id` of every job the queue held when read, the deleted ones included (null: a job came without one). */
  listed: string[] | null;
}

/**
 * Dell's pre-step: clears the iDRAC job queue of finished jobs through the advertised
 * `DellJobService.DeleteJobQueue`, one job at a time, and reports the jobs still active, which it
 * never deletes (a scheduled job may be a staged BIOS waiting for its restart).
 */
export async function clearDellJobQueue(client: RedfishClient, managerPath: string | null): Promise<JobQueueCleanup> {
  const jobs = await readDellJobQueue(client, managerPath);
  if (!jobs) throw new RedfishProtocolError(client.bmc, `${managerOf(managerPath)} has no job queue (not an iDRAC)`);
  const finished = jobs.filter(isFinishedDellJob);
  const deleted: string[] = [];
  if (finished.length > 0) {
    const service = await jobService(client, managerPath);
    for (const job of finished) {
      const response = await client.postAction(service, "#DellJobService.DeleteJobQueue", { JobID: job.id });
      if (response.status >= 300 && response.status !== 404) {
        throw RedfishProtocolError.answered(client.bmc, `DeleteJobQueue of ${job.id} answered ${response.status}`, response);
      }
      deleted.push(job.id);
    }
  }
  return { deleted, active: jobs.filter((job) => !isFinishedDellJob(job)), listed: jobs.every((job) => job.odataId) ? jobs.map((job) => job.odataId) : null };
}

/** The `@odata.id`s of the jobs in the queue, without reading them; null when there is no queue. */
export async function readDellJobLinks(client: RedfishClient, managerPath: string | null): Promise<string[] | null> {
  const manager = managerOf(managerPath);
  return (await readMemberLinks(client, `${manager}/Jobs`)) ?? readMemberLinks(client, `${manager}/Oem/Dell/Jobs`);
}

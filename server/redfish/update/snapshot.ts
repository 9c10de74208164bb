import type { RedfishClient } from "../client";
import { readMemberLinks } from "../collections";
import { readInstalledVersion } from "../confirm";
import { linkOf, pathOf } from "../odata";
import { quirksFor } from "../vendors";
import { readDellJobLinks } from "../vendors/dell-jobs";
import type { SnapshotHints, UpdateRequest, UpdateSnapshot } from "./types";

/** The task collection the root's TaskService links, if any. */
export async function tasksCollection(client: RedfishClient): Promise<string | null> {
  const servicePath = linkOf(client.root, "Tasks");
  const service = servicePath ? await client.findSettledResource(servicePath) : null;
  return service ? linkOf(service, "Tasks") : null;
}

/** The `@odata.id` of every task, and on an iDRAC of every job, the BMC lists now (`dellJobs`: the jobs, as just read). */
export async function trackedIds(client: RedfishClient, managerPath: string | null, dellJobs?: string[]): Promise<string[]> {
  const tasksPath = await tasksCollection(client);
  const [tasks, jobs] = await Promise.all([
    tasksPath ? readMemberLinks(client, tasksPath) : null,
    dellJobs ?? (quirksFor(client.vendor).name === "Dell" ? readDellJobLinks(client, managerPath) : null),
  ]);
  return [...(tasks ?? []), ...(jobs ?? [])].map(pathOf);
}

/** What a recovery compares with: the tasks and jobs that exist before sending, and the installed version (each read unless `known` says it). */
export async function takeSnapshot(client: RedfishClient, request: UpdateRequest, known: SnapshotHints = {}): Promise<UpdateSnapshot> {
  const readable = request.component === "bios" || request.component === "bmc" || Boolean(request.inventoryId);
  const version = known.installed ? known.installed.version : readable ? readInstalledVersion(client, request) : null;
  const [taskIds, installedVersion] = await Promise.all([trackedIds(client, request.managerPath, known.dellJobs), version]);
  return { taskIds, installedVersion, takenAt: new Date().toISOString() };
}

import type { DbExecutor } from "~/db/client";
import { requests, requestServers, type RequestStatus } from "~/db/schema";

/** A request row over some servers, as remediation will create them, for tests of the rules around them. */
export async function createTestRequest(db: DbExecutor, serverIds: number[], values: { status?: RequestStatus; type?: string; createdBy?: number } = {}) {
  const [request] = await db
    .insert(requests)
    .values({ type: values.type ?? "firmware_baseline_update", status: values.status ?? "running", createdBy: values.createdBy })
    .returning();
  if (serverIds.length) await db.insert(requestServers).values(serverIds.map((serverId) => ({ requestId: request!.id, serverId, status: request!.status })));
  return request!;
}

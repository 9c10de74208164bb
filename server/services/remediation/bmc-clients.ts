import { RedfishClient, type ClientOptions } from "~/server/redfish";

// Logged-in clients of servers waiting between two jobs, by node: the next job on this worker process
// reuses the session (one login per server's wait, not per job). A client is logged out when its wait
// is over and nobody took it, or at once when the job failed. A killed worker leaves at most one session
// per BMC behind, ended by the BMC's idle timeout.
const idle = new Map<number, { client: RedfishClient; timer: NodeJS.Timeout }>();

// A client kept past its wait by this much is logged out.
const GRACE_MS = 10_000;
// Longer waits (a staged update, a long task) log out and in again.
const LONGEST_KEPT_WAIT_MS = 60_000;

/** The node's idle client when this process holds one, else a new login. */
export async function borrowClient(nodeId: number, options: () => Promise<ClientOptions>): Promise<RedfishClient> {
  const held = idle.get(nodeId);
  if (held) {
    clearTimeout(held.timer);
    idle.delete(nodeId);
    return held.client;
  }
  return RedfishClient.connect(await options());
}

/** Keeps the client for the server's next job `waitMs` from now, or logs out (`waitMs` null: the job ended or failed). */
export async function returnClient(nodeId: number, client: RedfishClient, waitMs: number | null): Promise<void> {
  if (waitMs === null || waitMs > LONGEST_KEPT_WAIT_MS) return client.close();
  const previous = idle.get(nodeId);
  if (previous) {
    clearTimeout(previous.timer);
    void previous.client.close().catch(() => undefined);
  }
  const timer = setTimeout(() => {
    if (idle.get(nodeId)?.client === client) idle.delete(nodeId);
    void client.close().catch(() => undefined);
  }, waitMs + GRACE_MS);
  timer.unref();
  idle.set(nodeId, { client, timer });
}

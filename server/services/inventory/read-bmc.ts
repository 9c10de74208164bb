import { setMaxListeners } from "node:events";
import type { NodeRow } from "~/db/schema";
import { registrationSettings } from "~/server/config";
import { BmcUnreachableError, readInventory, withBmc, type Inventory } from "~/server/redfish";
import type { RedfishProtocol } from "~/server/redfish/probe";
import type { BmcLease } from "../bmc-operations";
import { credentialsInTryOrder, type RegistrationProfile } from "./profile";

export type BmcReading = { inventory: Inventory; credentialId: number };

/**
 * Requests in flight to one BMC while its inventory is read (the client's default is 4). A crawl is
 * 15-40 requests, and each connection costs the BMC and us a full TLS handshake: parallel connections
 * open before any session ticket exists, so none resumes. Two keeps one registration quick; a bulk
 * registration gets its parallelism across BMCs (bench/register-bulk.ts: 4 -> 2 cut the worker's CPU
 * by a quarter, and the simulated BMCs' by as much).
 */
const REQUESTS_IN_FLIGHT_PER_BMC = 2;

/**
 * Logs in to the node's BMC with the profile's credentials (only if it presents the trusted
 * certificate), crawls its inventory and logs out, whatever happens. Bounded as a whole by
 * `RACKPILOT_REGISTER_TIMEOUT` and stopped early if the lease is lost.
 */
export async function readBmc(node: NodeRow, certificateSha256: string, profile: RegistrationProfile, lease: BmcLease): Promise<BmcReading> {
  const timeoutMs = registrationSettings.timeoutMs;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([deadline, lease.signal]);
  // Every request of the crawl (dozens at once, most waiting for the per-BMC slot) listens to it.
  setMaxListeners(0, signal);
  const options = {
    host: node.ip,
    port: node.port,
    protocol: node.protocol as RedfishProtocol,
    credentials: credentialsInTryOrder(profile, node.credentialId),
    tls: { pinnedSha256: certificateSha256 },
    timeoutMs: registrationSettings.requestTimeoutMs,
    maxInFlight: REQUESTS_IN_FLIGHT_PER_BMC,
    signal,
  };
  try {
    return await withBmc(options, async (client) => ({ inventory: await readInventory(client), credentialId: Number(client.credentialId) }));
  } catch (error) {
    if (lease.signal.aborted) throw lease.signal.reason;
    if (deadline.aborted)
      throw new BmcUnreachableError(`${node.ip}:${node.port}`, "timeout", `the registration did not end within ${timeoutMs / 1000} s`, { cause: error });
    throw error;
  }
}

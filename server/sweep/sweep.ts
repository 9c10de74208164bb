import { numberToIpv4 } from "~/server/lib/ipv4";
import { fastConnect, type Connect } from "./connect";
import type { Limiter } from "./limiter";

/** A block of consecutive IPv4 addresses (as numbers) and the ports to try on each. */
export type SweepBlock = { firstAddress: number; addressCount: number; ports: readonly number[] };
export type Endpoint = { host: string; port: number };
export type SweepResult = { addressesProbed: number; openPorts: number };

export type SweepOptions = {
  /** Shared by every sweep of the process: bounds the sockets open at once. */
  limiter: Limiter;
  connectTimeoutMs: number;
  /** Called for each port that completed a TCP handshake, as soon as it did. */
  onOpen: (endpoint: Endpoint) => void;
  /** Called each time every port of one more address has been tried (in no particular order). */
  onAddressDone?: () => void;
  signal?: AbortSignal;
  connect?: Connect;
};

// When this host runs out of sockets or ports, wait and try the same target again; give up (failing
// the sweep, not calling the port closed) if it lasts this many attempts (about 30 s).
const RETRY_DELAY_MS = 50;
const MAX_RETRIES = 600;

export class SweepAbortedError extends Error {}

/**
 * TCP-connects to every address × port of a block, as many at once as the limiter allows, each
 * connect bounded by the timeout. Resolves once every target has been tried.
 */
export async function sweep(block: SweepBlock, options: SweepOptions): Promise<SweepResult> {
  const connect = options.connect ?? fastConnect.connect;
  const portCount = block.ports.length;
  const total = block.addressCount * portCount;
  // Ports still to try per address (at most 32 ports per range, so a byte each).
  const remaining = new Uint8Array(block.addressCount).fill(portCount);
  let next = 0;
  let addressesProbed = 0;
  let openPorts = 0;

  const attempt = async (host: string, port: number): Promise<"open" | "closed"> => {
    for (let retries = 0; ; retries++) {
      const outcome = await options.limiter.run(() => connect(host, port, options.connectTimeoutMs));
      if (outcome !== "retry") return outcome;
      if (retries >= MAX_RETRIES) throw new Error(`this host has no free sockets or ports to reach ${host}:${port}; lower RACKPILOT_SCAN_CONCURRENCY or raise the open-file limit`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    }
  };

  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (next < total && !failure) {
      if (options.signal?.aborted) throw new SweepAbortedError("the sweep was interrupted: its worker is stopping");
      const target = next++;
      const offset = Math.floor(target / portCount);
      const host = numberToIpv4(block.firstAddress + offset);
      const port = block.ports[target % portCount]!;
      if ((await attempt(host, port)) === "open") {
        openPorts++;
        options.onOpen({ host, port });
      }
      if (--remaining[offset]! === 0) {
        addressesProbed++;
        options.onAddressDone?.();
      }
    }
  };
  // One lane per slot the limiter offers (never more than there are targets); the first failure stops them all.
  const lanes = Array.from({ length: Math.min(options.limiter.size, total) }, () => lane().catch((error) => void (failure ??= { error })));
  await Promise.all(lanes);
  if (failure) throw failure.error;
  return { addressesProbed, openPorts };
}

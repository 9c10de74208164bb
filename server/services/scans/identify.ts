import { probeBmc, type RedfishService } from "~/server/redfish/probe";
import type { Limiter } from "~/server/sweep/limiter";
import type { Endpoint } from "~/server/sweep/sweep";

/**
 * Identifies open ports while the sweep goes on: an unauthenticated look at each service root,
 * bounded by the probe timeout. A port that completed a TCP handshake moments ago and then did not
 * answer in time (or dropped the connection) gets a second probe: a busy BMC is slow, not absent. A
 * BMC that hangs therefore costs two probe timeouts, never more.
 */
export class OpenPortIdentifier {
  private readonly inFlight = new Set<Promise<void>>();
  private identified: RedfishService[] = [];
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly limiter: Limiter,
    private readonly timeoutMs: number,
  ) {}

  add(endpoint: Endpoint, secondChance = true): void {
    const probe = this.limiter
      .run(() => probeBmc(endpoint, { timeoutMs: this.timeoutMs }))
      .then((result) => {
        if (result.kind === "redfish") this.identified.push(result.service);
        else if (result.kind === "unreachable" && result.error.reason !== "refused" && secondChance) this.add(endpoint, false);
      })
      .catch((error) => void (this.failure ??= { error }))
      .finally(() => this.inFlight.delete(probe));
    this.inFlight.add(probe);
  }

  /** The services identified since the last call. */
  take(): RedfishService[] {
    const batch = this.identified;
    this.identified = [];
    return batch;
  }

  /** Waits for every probe started so far; throws what an unexpected probe failure threw. */
  async drain(): Promise<void> {
    while (this.inFlight.size) await Promise.all(this.inFlight);
    if (this.failure) throw this.failure.error;
  }
}

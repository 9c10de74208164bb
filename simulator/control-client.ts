import type { BmcState } from "./bmc-state";
import type { FleetStats } from "./control";
import type { Faults } from "./types";

/** Faults to set through the control endpoint; `null` clears one. */
export type FaultsPatch = { [K in keyof Faults]?: Faults[K] | null };

/** A client of a fleet's control endpoint (`--control-port`), for tests and benches that run the fleet in another process. */
export class ControlClient {
  constructor(readonly url: string) {}

  bmcs(): Promise<BmcState[]> {
    return this.call("GET", "/bmcs");
  }

  bmc(address: string): Promise<BmcState> {
    return this.call("GET", `/bmcs/${encodeURIComponent(address)}`);
  }

  setFaults(address: string, faults: FaultsPatch): Promise<BmcState> {
    return this.call("POST", `/bmcs/${encodeURIComponent(address)}/faults`, faults);
  }

  clearFaults(address: string): Promise<BmcState> {
    return this.call("DELETE", `/bmcs/${encodeURIComponent(address)}/faults`);
  }

  /** The fleet process's memory and event loop delay since the previous call. */
  stats(): Promise<FleetStats> {
    return this.call("GET", "/stats");
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as T & { error?: string };
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${answer.error ?? JSON.stringify(answer)}`);
    return answer;
  }
}

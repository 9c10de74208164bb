import type { BmcHandle } from "../fleet";
import { bmcClient, pathOf, waitFor, type WireResponse } from "./client";

export interface Polled {
  last: WireResponse;
  /** TaskState (or Dell JobState) values in the order first seen. */
  states: string[];
  /** 503 answers met while polling (the BMC rebooting after flashing itself). */
  unavailable: number;
}

type Progress = { TaskState?: string; JobState?: string; State?: string } | undefined;
const stateOf = (body: Progress) => body?.TaskState ?? body?.JobState ?? body?.State;

/** Polls a task monitor, job or iLO 4 update resource until its state is one of `until`. */
export async function pollUntil(bmc: BmcHandle, location: string, until: string[], timeoutMs = 10_000): Promise<Polled> {
  const states: string[] = [];
  let unavailable = 0;
  const last = await waitFor(async () => {
    const response = await bmcClient(bmc).get(pathOf(location));
    if (response.status === 503) {
      unavailable++;
      return undefined;
    }
    const state = stateOf(response.body);
    if (state && states.at(-1) !== state) states.push(state);
    return state && until.includes(state) ? response : undefined;
  }, timeoutMs, 15);
  return { last, states, unavailable };
}

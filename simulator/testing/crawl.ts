import https from "node:https";
import type { BmcHandle } from "../fleet";
import { request, type WireResponse } from "./client";

export type Resource = Record<string, any>;

/** Every `@odata.id` a body links to (fragments such as `#/Fans/0` and the resource itself left out). */
export function linksOf(body: unknown, self?: string, found = new Set<string>()): Set<string> {
  if (Array.isArray(body)) for (const item of body) linksOf(item, self, found);
  else if (typeof body === "object" && body !== null) {
    for (const [key, value] of Object.entries(body)) {
      if (key === "@odata.id" && typeof value === "string") {
        if (value !== self && !value.includes("#")) found.add(value);
      } else linksOf(value, self, found);
    }
  }
  return found;
}

/** A keep-alive client for one BMC, so that a crawl of hundreds of resources does not pay a TLS handshake each. */
export function keepAliveClient(bmc: BmcHandle) {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 4, rejectUnauthorized: false });
  const basic = { username: bmc.username, password: bmc.password };
  return {
    get: (path: string, headers?: Record<string, string>): Promise<WireResponse> => request(`${bmc.url}${path}`, { basic, agent, headers }),
    close: () => agent.destroy(),
  };
}

/**
 * Reads the whole tree a client can reach from the service root by following `@odata.id` links,
 * as a registration crawl or a mockup creator does. Returns each linked path with its answer.
 */
export async function crawl(bmc: BmcHandle): Promise<Map<string, WireResponse>> {
  const client = keepAliveClient(bmc);
  const seen = new Map<string, WireResponse>();
  let frontier = ["/redfish/v1/"];
  try {
    while (frontier.length > 0) {
      const fresh = [...new Set(frontier)].filter((path) => !seen.has(path));
      const answers = await Promise.all(fresh.map((path) => client.get(path)));
      frontier = [];
      fresh.forEach((path, i) => {
        seen.set(path, answers[i]);
        if (answers[i].status === 200) frontier.push(...linksOf(answers[i].body, path));
      });
    }
  } finally {
    client.close();
  }
  return seen;
}

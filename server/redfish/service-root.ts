import { NotRedfishError, RedfishProtocolError } from "./errors";
import type { BmcHttp } from "./http";
import { isObject, linkOf, pathOf, type Json } from "./odata";
import { ROOT_PATHS, type RedfishProtocol } from "./probe";

export interface ServiceEntry {
  protocol: RedfishProtocol;
  rootPath: string;
  /** The root, or null when it wants credentials (read again once logged in). */
  root: Json | null;
  /** Where to POST a login, and what to read to check a Basic credential. */
  sessionsPath: string;
  verifyPath: string;
}

/** The service root without credentials: `/redfish/v1/`, then iLO 4's `/rest/v1` (or only the protocol asked for). */
export async function findServiceRoot(http: BmcHttp, requested?: RedfishProtocol): Promise<ServiceEntry> {
  const candidates: RedfishProtocol[] = requested ? [requested] : ["redfish", "rest"];
  for (const protocol of candidates) {
    const rootPath = ROOT_PATHS[protocol];
    const response = await http.send("GET", rootPath, { auth: null, odataVersion: protocol === "redfish" });
    // Still 5xx after the retries: a BMC that is there but unwell (rebooting), not "no Redfish".
    if (response.status >= 500 && response.status !== 501) {
      throw RedfishProtocolError.answered(http.bmc, `GET ${rootPath} answered ${response.status}`, response);
    }
    const root = response.status === 200 && isObject(response.body) ? response.body : null;
    if (!root && response.status !== 401 && response.status !== 403) continue;
    // A root that wants auth hides its links: DSP0266's fixed login URI, and iLO 4's documented one.
    const fallbackSessions = protocol === "rest" ? "/rest/v1/Sessions" : "/redfish/v1/SessionService/Sessions";
    return {
      protocol,
      rootPath,
      root,
      sessionsPath: pathOf((root && linkOf(root, "Sessions")) || fallbackSessions),
      verifyPath: pathOf((root && linkOf(root, "Systems")) || rootPath),
    };
  }
  throw new NotRedfishError(http.bmc, `no service root at ${candidates.map((protocol) => ROOT_PATHS[protocol]).join(" or ")}`);
}

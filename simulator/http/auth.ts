import type { Bmc } from "../bmc/bmc";
import { redfishError } from "./errors";
import type { Reply, RequestContext } from "./reply";

export type Verdict = "ok" | "bad" | "locked";

/** Checks credentials, counting failures towards the lockout fault when it is set. */
export function checkLogin(bmc: Bmc, username: string, password: string): Verdict {
  const lockout = bmc.faults.lockout;
  if (lockout && bmc.lockedUntil > Date.now()) return "locked";
  if (username === bmc.username && password === bmc.password) {
    bmc.failedLogins = 0;
    return "ok";
  }
  bmc.failedLogins++;
  if (lockout && bmc.failedLogins >= lockout.attempts) {
    bmc.lockedUntil = Date.now() + lockout.durationMs;
    bmc.failedLogins = 0;
  }
  return "bad";
}

export function unauthorized(bmc: Bmc, verdict: Verdict = "bad"): Reply {
  const seconds = Math.ceil((bmc.lockedUntil - Date.now()) / 1000);
  return redfishError(bmc.profile, 401, "NoValidSession", {
    detail: verdict === "locked" ? `The account is locked after repeated login failures; retry in ${seconds} seconds.` : undefined,
    headers: { "WWW-Authenticate": `Basic realm="${bmc.profile.vendorName} BMC"` },
  });
}

/** Accepts a live X-Auth-Token or HTTP Basic credentials; answers the 401 otherwise. */
export function authenticate(ctx: RequestContext): Reply | undefined {
  const { bmc, headers } = ctx;
  const token = headers["x-auth-token"];
  if (typeof token === "string" && token !== "") {
    ctx.session = bmc.sessionStore.byToken(token);
    return ctx.session ? undefined : unauthorized(bmc);
  }
  const authorization = headers.authorization ?? "";
  if (!/^basic /i.test(authorization)) return unauthorized(bmc);
  const decoded = Buffer.from(authorization.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const verdict = colon < 0 ? "bad" : checkLogin(bmc, decoded.slice(0, colon), decoded.slice(colon + 1));
  return verdict === "ok" ? undefined : unauthorized(bmc, verdict);
}

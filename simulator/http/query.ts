import type { Bmc } from "../bmc/bmc";
import { redfishError } from "./errors";
import type { Reply } from "./reply";

/** `$expand=.` (or `*`, `~`), optionally with `($levels=N)`: the forms clients send to expand a collection's members. */
const EXPAND = /^[.*~](\(\$levels=\d+\))?$/;

/**
 * The query options a request asks for, or the 501 a BMC answers for those it does not support.
 * Only `$expand` is served, and only by profiles that serve it; other `$` options are refused, as
 * DSP0266 asks. Parameters without `$` are ignored.
 */
export function queryOptions(bmc: Bmc, query: URLSearchParams): { expand: boolean } | Reply {
  let expand = false;
  for (const [key, value] of query) {
    if (!key.startsWith("$")) continue;
    if (key !== "$expand" || !bmc.profile.expand || !EXPAND.test(value)) {
      return redfishError(bmc.profile, 501, "QueryNotSupported");
    }
    expand = true;
  }
  return { expand };
}

/** FNV-1a over the serialized body: cheap, and it changes whenever the body does, as an ETag should. */
export function bodyHash(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

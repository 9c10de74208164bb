import dns from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { ValidationError } from "../errors";
import { addressAllowed, configuredAllowList, hostAllowed, type AllowList } from "./download-policy";
import { firmwareSettings } from "./settings";
import { FileTooLargeError, receiveFile, type ReceivedFile } from "./storage";

const MAX_REDIRECTS = 5;

class RefusedError extends Error {}

/**
 * One text for every way a download can fail before a file arrives (refused by policy, DNS, connection,
 * status, stall): distinct texts would let a staff user map which hosts and ports answer. The cause is
 * logged for the operator.
 */
const CANNOT_DOWNLOAD = "Could not download the file from this location.";

/** dns.lookup that fails for any resolved address the policy refuses: checked on what is connected to, not the name. */
function guardedLookup(allow: AllowList | undefined): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const refused = addresses.find((entry) => !addressAllowed(entry.address, allow));
      if (refused || !addresses.length) return callback(new RefusedError(`${hostname} resolves to ${refused?.address ?? "nothing"}`), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** One GET, connecting only where the policy allows (an address literal is checked here, a name on resolution). */
function get(url: URL, allow: AllowList | undefined, signal: AbortSignal): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const named = !ipaddr.isValid(host);
  if (!named && !addressAllowed(host, allow)) return Promise.reject(new RefusedError(`${host} is not an allowed address`));
  const trustedName = named && hostAllowed(host, allow);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { signal, lookup: trustedName ? undefined : guardedLookup(allow) }, resolve);
    request.on("error", reject);
  });
}

/** Follows redirects by hand, so every hop passes the same checks as the first. */
async function fetchAllowed(location: string, signal: AbortSignal): Promise<{ response: IncomingMessage; url: URL }> {
  const allow = configuredAllowList();
  let url = new URL(location);
  for (let hop = 0; ; hop++) {
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new RefusedError(`${url.protocol} is not http(s)`);
    const response = await get(url, allow, signal);
    const next = response.headers.location;
    if (!(response.statusCode! >= 300 && response.statusCode! < 400 && next)) return { response, url };
    response.resume();
    if (hop >= MAX_REDIRECTS) throw new RefusedError("too many redirects");
    url = new URL(next, url);
  }
}

function lastPathSegment(url: URL): string {
  const segment = url.pathname.split("/").pop() ?? "";
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Downloads `location` once into the incoming dir (hashed, size-capped, one deadline for the whole transfer). */
export async function downloadFirmware(location: string): Promise<ReceivedFile> {
  const { downloadTimeoutSeconds, maxBytes } = firmwareSettings;
  const signal = AbortSignal.timeout(downloadTimeoutSeconds * 1000);
  try {
    const { response, url } = await fetchAllowed(location, signal);
    if (response.statusCode! < 200 || response.statusCode! >= 300) {
      response.resume();
      throw new Error(`the server answered ${response.statusCode}`);
    }
    if (Number(response.headers["content-length"]) > maxBytes) {
      response.destroy();
      throw new FileTooLargeError(maxBytes);
    }
    return await receiveFile(response, lastPathSegment(url));
  } catch (error) {
    if (error instanceof FileTooLargeError) throw ValidationError.field("location", `Could not download the file: it is larger than the limit of ${error.limit} bytes.`);
    console.warn(`Firmware download from ${new URL(location).origin} failed: ${signal.aborted ? `no complete answer within ${downloadTimeoutSeconds} s` : (error as Error).message}`);
    throw ValidationError.field("location", CANNOT_DOWNLOAD);
  }
}

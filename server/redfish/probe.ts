import { BmcUnreachableError, NotRedfishError, RedfishError } from "./errors";
import { isObject, prop, text } from "./odata";
import { BmcConnection, bmcLabel, type BmcEndpoint, type Exchange } from "./transport";
import { identifyService } from "./vendors/identify";

export type RedfishProtocol = "redfish" | "rest";

/** What an unauthenticated look at a service root tells about a BMC. */
export interface RedfishService {
  host: string;
  port: number;
  /** `https://host:port/redfish/v1/`, or `.../rest/v1` for an iLO 4 that only speaks the legacy tree. */
  rootUrl: string;
  protocol: RedfishProtocol;
  vendor: string | null;
  product: string | null;
  redfishVersion: string | null;
  /** The service root's `UUID`. */
  uuid: string | null;
  /** The root itself answered 401/403: vendor, product, version and UUID are unknown until logged in. */
  authRequired: boolean;
  /** SHA-256 of the certificate the BMC presented, lower-case hex. */
  certificateSha256: string;
}

export type ProbeResult =
  | { kind: "redfish"; service: RedfishService }
  | { kind: "not_redfish"; error: NotRedfishError }
  | { kind: "unreachable"; error: BmcUnreachableError };

export interface ProbeOptions {
  /** Bound for the whole probe (both roots), default 3000 ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export const ROOT_PATHS: Record<RedfishProtocol, string> = { redfish: "/redfish/v1/", rest: "/rest/v1" };

/**
 * Is a Redfish service listening here? `GET /redfish/v1/`, then iLO 4's `/rest/v1`, without
 * credentials and without verifying the certificate (whose fingerprint is reported). Never throws
 * for what the network or the peer does; only the caller's abort signal rejects.
 */
export async function probeBmc(endpoint: BmcEndpoint, options: ProbeOptions = {}): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const deadline = Date.now() + timeoutMs;
  const connection = new BmcConnection(endpoint, { kind: "any" }, { keepAlive: true, handshakeTimeoutMs: timeoutMs });
  const get = (path: string) =>
    connection.exchange({
      method: "GET",
      path,
      headers: { Accept: "application/json" },
      timeoutMs: Math.max(1, deadline - Date.now()),
      signal: options.signal,
    });
  try {
    const redfish = await get(ROOT_PATHS.redfish);
    const service = readRoot(endpoint, "redfish", redfish) ?? (await authRequiredRedfish(endpoint, redfish, get));
    if (service) return { kind: "redfish", service };
    const rest = readRoot(endpoint, "rest", await get(ROOT_PATHS.rest));
    if (rest) return { kind: "redfish", service: rest };
    return { kind: "not_redfish", error: new NotRedfishError(bmcLabel(endpoint), describeAnswer(redfish)) };
  } catch (error) {
    if (error instanceof BmcUnreachableError) return { kind: "unreachable", error };
    if (error instanceof NotRedfishError) return { kind: "not_redfish", error };
    if (error instanceof RedfishError) return { kind: "not_redfish", error: new NotRedfishError(error.bmc, error.message) };
    throw error;
  } finally {
    connection.close();
  }
}

function parseJson(exchange: Exchange): unknown {
  try {
    return JSON.parse(exchange.text);
  } catch {
    return undefined;
  }
}

function looksLikeRoot(protocol: RedfishProtocol, body: unknown): boolean {
  if (!isObject(body)) return false;
  const type = String(prop(body, "@odata.type") ?? prop(body, "Type") ?? "");
  if (/ServiceRoot/i.test(type)) return true;
  return protocol === "redfish" ? prop(body, "RedfishVersion") !== undefined : isObject(prop(body, "links"));
}

function serviceFrom(endpoint: BmcEndpoint, protocol: RedfishProtocol, exchange: Exchange, root: unknown, authRequired: boolean): RedfishService {
  const { vendor, product } = identifyService(root, exchange.headers);
  return {
    host: endpoint.host,
    port: endpoint.port,
    rootUrl: `https://${bmcLabel(endpoint)}${ROOT_PATHS[protocol]}`,
    protocol,
    vendor,
    product,
    redfishVersion: text(prop(root, "RedfishVersion")),
    uuid: text(prop(root, "UUID")),
    authRequired,
    certificateSha256: exchange.certificateSha256 ?? "",
  };
}

function readRoot(endpoint: BmcEndpoint, protocol: RedfishProtocol, exchange: Exchange): RedfishService | null {
  if (exchange.status !== 200) return null;
  const body = parseJson(exchange);
  return looksLikeRoot(protocol, body) ? serviceFrom(endpoint, protocol, exchange, body, false) : null;
}

/**
 * A root that wants credentials is still recognisable: a Redfish error body or `OData-Version`
 * header, or the version document at `/redfish`, which DSP0266 keeps public.
 */
async function authRequiredRedfish(
  endpoint: BmcEndpoint,
  exchange: Exchange,
  get: (path: string) => Promise<Exchange>,
): Promise<RedfishService | null> {
  if (exchange.status !== 401 && exchange.status !== 403) return null;
  const body = parseJson(exchange);
  const redfishish = exchange.headers["odata-version"] !== undefined || isObject(prop(body, "error"));
  if (!redfishish && !isObject(prop(parseJson(await get("/redfish")), "v1"))) return null;
  return serviceFrom(endpoint, "redfish", exchange, undefined, true);
}

function describeAnswer(exchange: Exchange): string {
  const type = String(exchange.headers["content-type"] ?? "no content type");
  return `GET ${ROOT_PATHS.redfish} answered ${exchange.status} (${type}) and ${ROOT_PATHS.rest} is no service root either`;
}

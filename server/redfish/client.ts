import { NoCredentialAcceptedError, RedfishProtocolError } from "./errors";
import { BmcHttp, type HttpOptions, type RedfishResponse, type RequestOptions } from "./http";
import { readMembers, type ExpandSupport, expandSupportOf } from "./collections";
import { dig, isObject, pathOf, prop, text, type Json } from "./odata";
import type { RedfishProtocol } from "./probe";
import { findServiceRoot } from "./service-root";
import { logIn, logOut, type Auth, type Credential } from "./session";
import { quirksFor } from "./vendors";
import { identifyService } from "./vendors/identify";

export interface ClientOptions extends HttpOptions {
  /** Tried in order until one is accepted; put the last winner (`credentialId`) first. */
  credentials: Credential[];
  /** Skip detection: `redfish` (/redfish/v1/) or `rest` (iLO 4's legacy /rest/v1). */
  protocol?: RedfishProtocol;
}

/**
 * An authenticated conversation with one BMC: one session (or Basic auth) for every call,
 * re-created once when the BMC answers 401, logged out by `close()`.
 */
export class RedfishClient {
  readonly bmc: string;
  /** `redfish`, or `rest` for iLO 4's legacy tree. */
  protocol!: RedfishProtocol;
  rootPath!: string;
  /** The service root, read with credentials when it wanted them. */
  root!: Json;
  vendor: string | null = null;
  product: string | null = null;
  private auth: Auth | null = null;
  private renewing: Promise<void> | null = null;
  private expand: ExpandSupport = null;
  private omitODataVersion = false;
  private sessionsPath = "";
  private verifyPath = "";
  private closed = false;
  private readonly http: BmcHttp;
  private readonly settled = new Map<string, Promise<Json | null>>();

  private constructor(private readonly options: ClientOptions) {
    this.http = new BmcHttp(options, () => !this.omitODataVersion);
    this.bmc = this.http.bmc;
  }

  /** Finds the service root, logs in with the first accepted credential. */
  static async connect(options: ClientOptions): Promise<RedfishClient> {
    const client = new RedfishClient(options);
    try {
      await client.open();
      return client;
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  /** Id of the credential the BMC accepted. */
  get credentialId(): string | number {
    if (!this.auth) throw new Error("not logged in");
    return this.auth.credential.id;
  }

  /** `session` (X-Auth-Token) or `basic`. */
  get authMethod(): Auth["kind"] | null {
    return this.auth?.kind ?? null;
  }

  private async open(): Promise<void> {
    const entry = await findServiceRoot(this.http, this.options.protocol);
    ({ protocol: this.protocol, rootPath: this.rootPath, sessionsPath: this.sessionsPath, verifyPath: this.verifyPath } = entry);
    // The legacy tree is read as iLO 4 serves it to pre-Redfish clients.
    this.omitODataVersion = this.protocol === "rest";
    this.auth = await logIn(this.http, this.options.credentials, this.sessionsPath, this.verifyPath);
    this.root = entry.root ?? (await this.getResource(this.rootPath));
    ({ vendor: this.vendor, product: this.product } = identifyService(this.root, {}));
    this.omitODataVersion ||= quirksFor(this.vendor).omitODataVersion?.(this.root) ?? false;
    this.expand = expandSupportOf(this.root);
  }

  /** Any authenticated request; the answer whatever its status (a 401 triggers one re-login first). */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<RedfishResponse> {
    if (this.closed) throw new Error(`client for ${this.bmc} is closed`);
    let target = pathOf(path);
    for (let renewed = false, redirects = 0; ; ) {
      const auth = this.auth;
      const response = await this.http.send(method, target, { ...options, auth });
      if (response.status === 401) {
        if (renewed || !auth) throw new NoCredentialAcceptedError(this.bmc, [auth?.credential.id ?? "?"], `${method} ${target} answered 401 after logging in again`);
        renewed = true;
        await this.renew(auth);
        continue;
      }
      const location = text(response.headers.location);
      if (method === "GET" && [301, 302, 307, 308].includes(response.status) && location && redirects++ < 3) {
        target = pathOf(location);
        continue;
      }
      return response;
    }
  }

  get(path: string, options?: RequestOptions) {
    return this.request("GET", path, options);
  }
  post(path: string, body: unknown, options?: RequestOptions) {
    return this.request("POST", path, { ...options, body });
  }
  patch(path: string, body: unknown, options?: RequestOptions) {
    return this.request("PATCH", path, { ...options, body });
  }
  delete(path: string, options?: RequestOptions) {
    return this.request("DELETE", path, options);
  }

  /** The JSON resource at `path`; a non-2xx answer or a body that is not a JSON object is a protocol error. */
  async getResource(path: string, options?: RequestOptions): Promise<Json> {
    const response = await this.get(path, options);
    if (response.status >= 200 && response.status < 300 && isObject(response.body)) return response.body;
    const what = response.status >= 300 ? `answered ${response.status}` : "answered something that is not a JSON object";
    throw RedfishProtocolError.answered(this.bmc, `GET ${pathOf(path)} ${what}`, response);
  }

  /** Like `getResource`, but a resource that is not there (404, 410) is null. */
  async findResource(path: string, options?: RequestOptions): Promise<Json | null> {
    try {
      return await this.getResource(path, options);
    } catch (error) {
      if (error instanceof RedfishProtocolError && (error.status === 404 || error.status === 410)) return null;
      throw error;
    }
  }

  /**
   * `findResource` read once per client (a failed read is tried again next time): for what does not change while
   * a client lives, such as a service's links (the TaskService's task collection) or how many systems a BMC has.
   */
  findSettledResource(path: string): Promise<Json | null> {
    return this.settled.get(path) ?? this.refreshSettledResource(path);
  }

  /** `findResource` now, its answer kept for `findSettledResource` (whose readers use only what does not change in it, such as its links). */
  refreshSettledResource(path: string): Promise<Json | null> {
    const read = this.findResource(path);
    this.settled.set(path, read);
    read.catch(() => this.settled.delete(path));
    return read;
  }

  /** Every member of a collection, fetched: all pages, `$expand` where the service supports it. */
  async members(collectionPath: string, options?: RequestOptions): Promise<Json[]> {
    const members = await this.findMembers(collectionPath, options);
    if (!members) throw new RedfishProtocolError(this.bmc, `GET ${pathOf(collectionPath)} answered 404`, 404);
    return members;
  }

  /** Like `members`, but a collection that is not there (404, 410) is null. */
  findMembers(collectionPath: string, options?: RequestOptions): Promise<Json[] | null> {
    return readMembers(this, collectionPath, this.expand, () => (this.expand = null), options);
  }

  /** The `target` a resource advertises for an action (`#ComputerSystem.Reset`, or an Oem one). */
  actionTarget(resource: unknown, action: string): string | null {
    const name = action.startsWith("#") ? action : `#${action}`;
    return text(dig(resource, "Actions", name, "target")) ?? text(dig(resource, "Actions", "Oem", name, "target"));
  }

  /** POSTs an action to the target the resource advertises (never to a guessed path). */
  async postAction(resource: unknown, action: string, body: unknown, options?: RequestOptions): Promise<RedfishResponse> {
    const target = this.actionTarget(resource, action);
    if (!target) throw new RedfishProtocolError(this.bmc, `${text(prop(resource, "@odata.id")) ?? "the resource"} advertises no ${action} action`);
    return this.post(target, body, options);
  }

  /** Logs out (the BMC keeps no session) and closes the connections. Never throws. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const auth = this.auth;
    this.auth = null;
    try {
      if (auth) await logOut(this.http, auth);
    } catch {
      // Best effort: an unreachable BMC ends the session by its own idle timeout.
    } finally {
      this.http.close();
    }
  }

  /** One re-login for all requests that saw the same stale session. */
  private async renew(stale: Auth): Promise<void> {
    if (this.auth !== stale) return;
    this.renewing ??= (async () => {
      try {
        // The old session may still be alive if the 401 had another cause: end it.
        await logOut(this.http, stale).catch(() => undefined);
        this.auth = await logIn(this.http, [stale.credential], this.sessionsPath, this.verifyPath);
      } finally {
        this.renewing = null;
      }
    })();
    await this.renewing;
  }
}

/** Connects, runs `work`, and always logs out. */
export async function withBmc<T>(options: ClientOptions, work: (client: RedfishClient) => Promise<T>): Promise<T> {
  const client = await RedfishClient.connect(options);
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}

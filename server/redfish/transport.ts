import type http from "node:http";
import https from "node:https";
import type { Duplex, Readable } from "node:stream";
import type { TLSSocket } from "node:tls";
import { BmcUnreachableError, RedfishError, type UnreachableReason } from "./errors";
import { certificateSha256, connectTls, type TlsTrust } from "./tls";

/** Where a BMC listens. */
export interface BmcEndpoint {
  host: string;
  port: number;
}

/** `address:port` (IPv6 in brackets), the name every message gives a BMC. */
export function bmcLabel({ host, port }: BmcEndpoint): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

export interface Exchange {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** SHA-256 of the certificate of the connection that answered. */
  certificateSha256: string | null;
}

/**
 * A body sent from a stream with its length known up front: BMCs refuse chunked uploads (iDRAC:
 * bmc-toolbox/bmclib internal/redfishwrapper/firmware.go), so a firmware push always carries an
 * explicit Content-Length. `open()` is called once per attempt, so a retried request starts over.
 */
export class StreamBody {
  constructor(
    readonly length: number,
    readonly open: () => Readable,
  ) {}
}

export interface ExchangeRequest {
  method: string;
  /** Path and query, e.g. `/redfish/v1/Systems?$expand=.` */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer | StreamBody;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * What a request stopped by the caller's signal is destroyed with, as `https.request` would: an AbortError. The reason
 * itself may be a DOMException, whose numeric `code` the socket's error handlers do not expect; the caller gets the
 * reason (`classify`).
 */
const abortedBy = (signal: AbortSignal) => Object.assign(new Error("The operation was aborted", { cause: signal.reason }), { name: "AbortError", code: "ABORT_ERR" });

/** Largest body read from a BMC; Redfish resources are a few kB, an expanded collection a few MB. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * One BMC's connections: keep-alive HTTPS through `connectTls`, so each new socket is checked against
 * the trust before the agent writes anything on it. TLS sessions are resumed only within this pool
 * (the agent's own session cache, shared by host, is off).
 */
export class BmcConnection {
  readonly label: string;
  private readonly agent: https.Agent;

  constructor(
    readonly endpoint: BmcEndpoint,
    trust: TlsTrust,
    options: { keepAlive: boolean; handshakeTimeoutMs: number },
  ) {
    const label = bmcLabel(endpoint);
    this.label = label;
    const agent = new https.Agent({ keepAlive: options.keepAlive, maxCachedSessions: 0 });
    let session: Buffer | undefined;
    // Node's Agent accepts an asynchronous createConnection that answers through the callback.
    agent.createConnection = ((_: unknown, callback: (error: Error | null, socket?: Duplex) => void) => {
      const tlsOptions = { bmc: label, ...endpoint, trust, handshakeTimeoutMs: options.handshakeTimeoutMs };
      connectTls({ ...tlsOptions, session, onSession: (fresh) => (session = fresh) }, callback);
      return undefined;
    }) as unknown as https.Agent["createConnection"];
    this.agent = agent;
  }

  /**
   * One request and its whole answer within `timeoutMs`; network failures become typed errors. The deadline is a
   * plain timer and the caller's signal one listener: an AbortController and a combined signal per request cost
   * about a fifth of the worker's CPU per request (a remediation sends some fifty per server).
   */
  exchange(request: ExchangeRequest): Promise<Exchange> {
    const headers: Record<string, string | number> = { ...request.headers };
    const { body, signal } = request;
    if (body !== undefined) headers["Content-Length"] = body instanceof StreamBody ? body.length : Buffer.byteLength(body);
    let timer: NodeJS.Timeout | undefined;
    let abort: (() => void) | undefined;
    return new Promise<Exchange>((resolve, reject) => {
      let timedOut = false;
      let answered = false;
      const fail = (error: unknown) => reject(this.classify(error, timedOut, signal, req.reusedSocket && !answered));
      const req = https.request(
        { host: this.endpoint.host, port: this.endpoint.port, method: request.method, path: request.path, headers, agent: this.agent },
        (res) => {
          answered = true;
          const fingerprint = certificateSha256(res.socket as TLSSocket);
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) return res.destroy(new Error(`answer larger than ${MAX_BODY_BYTES} bytes`));
            chunks.push(chunk);
          });
          res.on("error", fail);
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString("utf8"),
              certificateSha256: fingerprint,
            }),
          );
        },
      );
      req.on("error", fail);
      if (signal) {
        abort = () => req.destroy(abortedBy(signal));
        if (signal.aborted) return void abort();
        signal.addEventListener("abort", abort, { once: true });
      }
      timer = setTimeout(() => {
        timedOut = true;
        req.destroy(Object.assign(new Error(`no answer within ${request.timeoutMs} ms`), { code: "ETIMEDOUT" }));
      }, request.timeoutMs).unref();
      if (!(body instanceof StreamBody)) return void req.end(body);
      const source = body.open();
      // A local read failure is ours, not the BMC's: reject with it as it is.
      source.on("error", (error) => {
        reject(error);
        req.destroy();
      });
      // A request that ends early (timeout, abort, reset) must not leave the file open.
      req.on("close", () => source.destroy());
      source.pipe(req);
    }).finally(() => {
      clearTimeout(timer);
      if (abort) signal?.removeEventListener("abort", abort);
    });
  }

  close(): void {
    this.agent.destroy();
  }

  /** `staleSocket`: the failure hit a kept-alive socket before any answer, the classic race with a server closing it. */
  private classify(error: unknown, timedOut: boolean, callerSignal: AbortSignal | undefined, staleSocket: boolean): unknown {
    if (error instanceof RedfishError) return error;
    if (callerSignal?.aborted) return callerSignal.reason;
    const code = (error as NodeJS.ErrnoException)?.code ?? "";
    let reason: UnreachableReason = "network";
    if (timedOut || code === "ETIMEDOUT") reason = "timeout";
    else if (code === "ECONNREFUSED") reason = "refused";
    else if (code === "ECONNRESET" || code === "EPIPE" || /socket hang up/i.test(String((error as Error)?.message))) reason = "reset";
    const detail = reason === "timeout" ? undefined : code || (error as Error)?.message;
    const notSent = reason === "refused" || (staleSocket && reason === "reset");
    return new BmcUnreachableError(this.label, reason, detail, { cause: error, notSent });
  }
}

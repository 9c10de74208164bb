import { BmcUnreachableError } from "./errors";
import { acquireSlot } from "./limiter";
import { dig, prop } from "./odata";
import { DEFAULT_RETRY, isRetryableStatus, retryAfterOf, retryDelayMs, sleep, type RetryPolicy } from "./retry";
import { authHeaders, type Auth, type LoginTransport } from "./session";
import { BmcConnection, StreamBody, type BmcEndpoint } from "./transport";
import type { TlsTrust } from "./tls";

/** Trust for calls that carry credentials: the pinned fingerprint (TOFU), or verified TLS with a CA bundle. */
export type TlsRequirement = { pinnedSha256: string } | { caBundle: string };

export interface HttpOptions extends BmcEndpoint {
  tls: TlsRequirement;
  /** Per request (connect, TLS, answer), default 15 s. */
  timeoutMs?: number;
  /** Retries of one request on 5xx, resets and timeouts (default 3). */
  retries?: number;
  retryPolicy?: Partial<RetryPolicy>;
  /** Requests in flight to this BMC, process-wide (default 4). */
  maxInFlight?: number;
  /** Aborts every request of this client. */
  signal?: AbortSignal;
}

export interface RequestOptions {
  /** JSON-encoded, unless a string, Buffer or StreamBody (sent as is, with the caller's Content-Type). */
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Safe to repeat after a reset or timeout; default: every method but POST. */
  idempotent?: boolean;
}

export interface RedfishResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or undefined for an empty or non-JSON body. */
  body: unknown;
  text: string;
  /** Last segment of the first Redfish MessageId (`SessionLimitExceeded`...), if any. */
  messageId: string | undefined;
}

/** Last segment of the first message id of a Redfish (or iLO 4 legacy) error body. */
export function messageIdOf(body: unknown): string | undefined {
  const info = dig(body, "error", "@Message.ExtendedInfo");
  const legacy = prop(body, "Messages");
  const first = (Array.isArray(info) && info[0]) || (Array.isArray(legacy) && legacy[0]);
  const id = prop(first, "MessageId") ?? prop(first, "MessageID");
  return typeof id === "string" ? id.split(".").at(-1) : undefined;
}

function parse(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Per request, when the caller gives none: BMCs answer slowly under load, but within seconds. */
const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The HTTP side of a client: one keep-alive connection pool to one BMC, every request under the
 * per-BMC cap, with bounded retries (backoff, `Retry-After`) on 5xx, resets and timeouts.
 */
export class BmcHttp implements LoginTransport {
  readonly bmc: string;
  private readonly connection: BmcConnection;
  private readonly policy: RetryPolicy;

  constructor(
    readonly options: HttpOptions,
    /** Whether to send `OData-Version: 4.0` (decided once the service root is known). */
    private readonly sendODataVersion: () => boolean,
  ) {
    const trust: TlsTrust = "pinnedSha256" in options.tls ? { kind: "pinned", sha256: options.tls.pinnedSha256 } : { kind: "ca", caBundle: options.tls.caBundle };
    this.connection = new BmcConnection(options, trust, { keepAlive: true, handshakeTimeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    this.bmc = this.connection.label;
    this.policy = { ...DEFAULT_RETRY, ...options.retryPolicy, ...(options.retries === undefined ? {} : { retries: options.retries }) };
  }

  /**
   * `odataVersion` overrides the client-wide choice of sending `OData-Version: 4.0`; `detached`
   * ignores the client's abort signal (a logout must still happen after a job was cancelled).
   */
  async send(
    method: string,
    path: string,
    options: RequestOptions & { auth: Auth | null; odataVersion?: boolean; detached?: boolean },
  ): Promise<RedfishResponse> {
    const headers: Record<string, string> = { Accept: "application/json", ...authHeaders(options.auth), ...options.headers };
    if (options.odataVersion ?? this.sendODataVersion()) headers["OData-Version"] = "4.0";
    // Strings and buffers go as they are (a multipart firmware push sets its own Content-Type).
    const raw = typeof options.body === "string" || Buffer.isBuffer(options.body) || options.body instanceof StreamBody;
    const payload = options.body === undefined ? undefined : raw ? (options.body as string | Buffer | StreamBody) : JSON.stringify(options.body);
    if (payload !== undefined && !raw) headers["Content-Type"] ??= "application/json";
    const idempotent = options.idempotent ?? method !== "POST";
    const clientSignal = options.detached ? undefined : this.options.signal;
    const signal = options.signal && clientSignal ? AbortSignal.any([options.signal, clientSignal]) : (options.signal ?? clientSignal);
    for (let attempt = 0; ; attempt++) {
      const release = await acquireSlot(this.bmc, this.options.maxInFlight ?? 4, signal);
      let response: RedfishResponse | undefined;
      let failure: unknown;
      try {
        const exchange = await this.connection.exchange({ method, path, headers, body: payload, timeoutMs: options.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal });
        const body = parse(exchange.text);
        response = { status: exchange.status, headers: exchange.headers, body, text: exchange.text, messageId: messageIdOf(body) };
      } catch (error) {
        failure = error;
      } finally {
        release();
      }
      const retryAfterMs = response ? retryAfterOf(response) : null;
      if (attempt < this.policy.retries && this.shouldRetry(response, failure, idempotent) && (retryAfterMs ?? 0) <= this.policy.maxInlineRetryAfterMs) {
        await sleep(retryDelayMs(attempt, this.policy, retryAfterMs), signal);
        continue;
      }
      if (response) return response;
      throw failure;
    }
  }

  private shouldRetry(response: RedfishResponse | undefined, failure: unknown, idempotent: boolean): boolean {
    if (failure) return failure instanceof BmcUnreachableError && (idempotent || failure.notSent);
    if (!response || !isRetryableStatus(response.status) || response.messageId === "SessionLimitExceeded") return false;
    // A 503 was not processed, so even a POST can be sent again.
    return idempotent || response.status === 503 || response.status === 429;
  }

  close(): void {
    this.connection.close();
  }
}

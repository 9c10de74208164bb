/**
 * Typed failures of a conversation with a BMC. Every message names the BMC (`address:port`) so an
 * operator can act on it, and none ever contains a password or a session token.
 */
import { retryAfterOf } from "./retry";
export abstract class RedfishError extends Error {
  abstract readonly kind: string;
  constructor(
    /** `address:port` of the BMC. */
    readonly bmc: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export type UnreachableReason = "timeout" | "refused" | "reset" | "network";

/** No TCP connection, no answer in time, or the connection dropped (after the allowed retries). */
export class BmcUnreachableError extends RedfishError {
  readonly kind = "unreachable";
  /** The request surely never reached the BMC (refused, or a kept-alive connection it had closed): safe to send again. */
  readonly notSent: boolean;
  constructor(
    bmc: string,
    readonly reason: UnreachableReason,
    detail?: string,
    options?: { cause?: unknown; notSent?: boolean },
  ) {
    super(bmc, `BMC ${bmc} ${UNREACHABLE_TEXT[reason]}${detail ? ` (${detail})` : ""}`, options);
    this.notSent = options?.notSent ?? reason === "refused";
  }
}

const UNREACHABLE_TEXT: Record<UnreachableReason, string> = {
  timeout: "did not answer in time",
  refused: "refused the connection",
  reset: "dropped the connection",
  network: "cannot be reached",
};

/** Every credential tried was refused (or the BMC stopped accepting the one that worked). */
export class NoCredentialAcceptedError extends RedfishError {
  readonly kind = "no_credential_accepted";
  constructor(
    bmc: string,
    /** Ids of the credentials tried, in order. */
    readonly tried: ReadonlyArray<string | number>,
    detail?: string,
  ) {
    const what = tried.length === 1 ? "the credential" : `any of the ${tried.length} credentials`;
    super(bmc, `BMC ${bmc} did not accept ${what} of the auth profile${detail ? ` (${detail})` : ""}`);
  }
}

/** The BMC presents another certificate than the one trusted on first use: no credential was sent. */
export class CertificateMismatchError extends RedfishError {
  readonly kind = "certificate_mismatch";
  constructor(
    bmc: string,
    readonly expectedSha256: string,
    readonly actualSha256: string,
  ) {
    super(
      bmc,
      `BMC ${bmc} presents a different TLS certificate (SHA-256 ${actualSha256}) than the trusted one ` +
        `(SHA-256 ${expectedSha256}); no credentials were sent. Accept the new certificate if the change is expected.`,
    );
  }
}

/** Verified TLS was required and the certificate does not chain to the CA bundle (or names another host). */
export class CertificateUntrustedError extends RedfishError {
  readonly kind = "certificate_untrusted";
  constructor(
    bmc: string,
    readonly reason: string,
  ) {
    super(bmc, `BMC ${bmc} presents a TLS certificate that the configured CA bundle does not verify (${reason}); no credentials were sent.`);
  }
}

/** Something answered, but not a Redfish (or iLO 4 /rest/v1) service. */
export class NotRedfishError extends RedfishError {
  readonly kind = "not_redfish";
  constructor(
    bmc: string,
    readonly detail: string,
  ) {
    super(bmc, `${bmc} is not a Redfish service: ${detail}`);
  }
}

/** The BMC answered, but not as Redfish says it should (an error status, a body that is not JSON...). */
export class RedfishProtocolError extends RedfishError {
  readonly kind = "protocol";
  constructor(
    bmc: string,
    detail: string,
    readonly status?: number,
    /** Last segment of the first Redfish `MessageId` (e.g. `SessionLimitExceeded`), when the body had one. */
    readonly messageId?: string,
    /** When the BMC asked to be tried again (`Retry-After` of a 503 or 429), in ms from its answer. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(bmc, `BMC ${bmc}: ${detail}`);
  }

  /** For an error status: its status, `MessageId` and `Retry-After`. */
  static answered(bmc: string, detail: string, response: { status: number; messageId?: string; headers: Record<string, string | string[] | undefined> }): RedfishProtocolError {
    return new RedfishProtocolError(bmc, detail, response.status, response.messageId, retryAfterOf(response));
  }
}

import { createHash } from "node:crypto";
import { isIP } from "node:net";
import tls from "node:tls";
import { CertificateMismatchError, CertificateUntrustedError, NotRedfishError } from "./errors";

/**
 * How far a BMC's certificate is trusted:
 * - `any`: chain verification off and no pin, for the unauthenticated probe only (no credential is sent).
 * - `pinned`: trust on first use; the certificate must have this SHA-256 fingerprint (hex).
 * - `ca`: verified TLS, the chain must lead to this CA bundle (PEM) and name the BMC's address.
 */
export type TlsTrust = { kind: "any" } | { kind: "pinned"; sha256: string } | { kind: "ca"; caBundle: string };

/** Lower-case hex without separators, the form stored as `certificate_sha256`. */
export function normalizeFingerprint(fingerprint: string): string {
  return fingerprint.replace(/[:\s]/g, "").toLowerCase();
}

export function certificateSha256(socket: tls.TLSSocket): string | null {
  const raw = socket?.getPeerCertificate?.()?.raw;
  return raw ? createHash("sha256").update(raw).digest("hex") : null;
}

const VERIFY_ERRORS = /CERT|SIGNATURE|ISSUER|ALTNAME|CHAIN|SELF_SIGNED/;

/**
 * Opens the TLS connection and hands it over only once the certificate is acceptable, so that a
 * request carrying credentials is never written to a socket whose certificate was not checked.
 */
export function connectTls(
  bmc: string,
  host: string,
  port: number,
  trust: TlsTrust,
  handshakeTimeoutMs: number,
  done: (error: Error | null, socket?: tls.TLSSocket) => void,
): void {
  const socket = tls.connect({
    host,
    port,
    servername: isIP(host) ? undefined : host,
    rejectUnauthorized: trust.kind === "ca",
    ca: trust.kind === "ca" ? trust.caBundle : undefined,
    ALPNProtocols: ["http/1.1"],
  });
  let settled = false;
  const settle = (error: Error | null) => {
    if (settled) return;
    settled = true;
    socket.setTimeout(0);
    if (error) {
      socket.destroy();
      done(error);
    } else done(null, socket);
  };
  socket.setTimeout(handshakeTimeoutMs, () => settle(Object.assign(new Error("TLS handshake timed out"), { code: "ETIMEDOUT" })));
  socket.once("error", (error: NodeJS.ErrnoException) => {
    if (trust.kind === "ca" && VERIFY_ERRORS.test(error.code ?? "")) return settle(new CertificateUntrustedError(bmc, error.code ?? error.message));
    if (error.code === "EPROTO" || error.code?.startsWith("ERR_SSL")) {
      return settle(new NotRedfishError(bmc, `no TLS handshake on this port (${error.message.split("\n")[0]})`));
    }
    settle(error);
  });
  socket.once("secureConnect", () => {
    if (trust.kind !== "pinned") return settle(null);
    const actual = certificateSha256(socket);
    const expected = normalizeFingerprint(trust.sha256);
    settle(actual === expected ? null : new CertificateMismatchError(bmc, expected, actual ?? "none"));
  });
}

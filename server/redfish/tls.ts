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

const fingerprints = new WeakMap<tls.TLSSocket, string | null>();

/**
 * The fingerprint of the certificate a socket was given, computed once per socket and only here:
 * on a client socket, Node 20's `getPeerX509Certificate()` takes the certificate out of the
 * connection's chain, so a second read finds none. It is still the cheap way (the legacy
 * `getPeerCertificate()` object costs four times more, a cost paid for every BMC a scan identifies).
 */
export function certificateSha256(socket: tls.TLSSocket): string | null {
  if (!socket) return null;
  let fingerprint = fingerprints.get(socket);
  if (fingerprint === undefined) {
    const colonHex = socket.getPeerX509Certificate?.()?.fingerprint256;
    fingerprint = colonHex ? normalizeFingerprint(colonHex) : null;
    fingerprints.set(socket, fingerprint);
  }
  return fingerprint;
}

/** Building a TLS context is costly (it loads the CA store): one for unverified connections, one per CA bundle. */
let unverifiedContext: tls.SecureContext | undefined;
const caContexts = new Map<string, tls.SecureContext>();

function contextFor(trust: TlsTrust): tls.SecureContext {
  if (trust.kind !== "ca") return (unverifiedContext ??= tls.createSecureContext());
  let context = caContexts.get(trust.caBundle);
  if (!context) {
    context = tls.createSecureContext({ ca: trust.caBundle });
    // Auth profiles hold a handful of bundles; a bound keeps edited ones from piling up.
    if (caContexts.size >= 32) caContexts.clear();
    caContexts.set(trust.caBundle, context);
  }
  return context;
}

const VERIFY_ERRORS = /CERT|SIGNATURE|ISSUER|ALTNAME|CHAIN|SELF_SIGNED/;

export interface TlsConnectOptions {
  bmc: string;
  host: string;
  port: number;
  trust: TlsTrust;
  handshakeTimeoutMs: number;
  /** A TLS session of an earlier connection of the same pool, which passed the same check. */
  session?: Buffer;
  onSession?: (session: Buffer) => void;
}

/**
 * Opens the TLS connection and hands it over only once the certificate is acceptable, so that a
 * request carrying credentials is never written to a socket whose certificate was not checked.
 * A resumed session is accepted as is: only the server that holds the ticket key of a connection
 * we checked can resume it. Resumption spares the BMC (and us) a full handshake per connection.
 */
export function connectTls(options: TlsConnectOptions, done: (error: Error | null, socket?: tls.TLSSocket) => void): void {
  const { bmc, host, port, trust } = options;
  const socket = tls.connect({
    host,
    port,
    servername: isIP(host) ? undefined : host,
    rejectUnauthorized: trust.kind === "ca",
    secureContext: contextFor(trust),
    ALPNProtocols: ["http/1.1"],
    session: options.session,
  });
  let settled = false;
  let trusted = false;
  let pendingSession: Buffer | undefined;
  const settle = (error: Error | null) => {
    if (settled) return;
    settled = true;
    socket.setTimeout(0);
    if (error) {
      socket.destroy();
      return done(error);
    }
    trusted = true;
    if (pendingSession) options.onSession?.(pendingSession);
    done(null, socket);
  };
  socket.setTimeout(options.handshakeTimeoutMs, () => settle(Object.assign(new Error("TLS handshake timed out"), { code: "ETIMEDOUT" })));
  socket.once("error", (error: NodeJS.ErrnoException) => {
    if (trust.kind === "ca" && VERIFY_ERRORS.test(error.code ?? "")) return settle(new CertificateUntrustedError(bmc, error.code ?? error.message));
    if (error.code === "EPROTO" || error.code?.startsWith("ERR_SSL")) {
      return settle(new NotRedfishError(bmc, `no TLS handshake on this port (${error.message.split("\n")[0]})`));
    }
    settle(error);
  });
  socket.once("secureConnect", () => {
    if (trust.kind !== "pinned" || (options.session && socket.isSessionReused())) return settle(null);
    const actual = certificateSha256(socket);
    const expected = normalizeFingerprint(trust.sha256);
    settle(actual === expected ? null : new CertificateMismatchError(bmc, expected, actual ?? "none"));
  });
  // Only sessions of a connection that passed the check are kept (TLS 1.3 tickets may come before or after it).
  socket.on("session", (session: Buffer) => {
    if (trusted) options.onSession?.(session);
    else pendingSession = session;
  });
}

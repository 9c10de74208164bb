import { NoCredentialAcceptedError, RedfishProtocolError } from "./errors";
import { idOf, pathOf } from "./odata";

export interface Credential {
  /** The caller's id for it (e.g. the auth profile credential's id), reported back when it wins. */
  id: string | number;
  username: string;
  password: string;
}

/** How requests authenticate: a Redfish session (logged out on close) or HTTP Basic. */
export type Auth =
  | { kind: "session"; credential: Credential; token: string; sessionPath: string }
  | { kind: "basic"; credential: Credential };

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  messageId: string | undefined;
}

/** The requests login needs, with no automatic re-login (a 401 is an answer here). */
export interface LoginTransport {
  bmc: string;
  send(
    method: string,
    path: string,
    options: { body?: unknown; auth: Auth | null; idempotent?: boolean; detached?: boolean; timeoutMs?: number },
  ): Promise<RawResponse>;
}

export function authHeaders(auth: Auth | null): Record<string, string> {
  if (!auth) return {};
  if (auth.kind === "session") return { "X-Auth-Token": auth.token };
  const { username, password } = auth.credential;
  return { Authorization: `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}` };
}

const header = (response: RawResponse, name: string) => {
  const value = response.headers[name];
  return (Array.isArray(value) ? value[0] : value) || undefined;
};

/**
 * Tries each credential in order until one is accepted. A session is POSTed to `sessionsPath`;
 * Basic auth is the fallback when the BMC has no session service, is out of sessions, or accepts the
 * login without a token or without saying where the session lives (so it could not be logged out).
 * `verifyPath` is read with Basic credentials to tell an accepted credential from a refused one.
 */
export async function logIn(transport: LoginTransport, credentials: Credential[], sessionsPath: string, verifyPath: string): Promise<Auth> {
  if (credentials.length === 0) throw new NoCredentialAcceptedError(transport.bmc, [], "the auth profile has no credentials");
  const refused: Credential[] = [];
  for (const credential of credentials) {
    const auth = await tryCredential(transport, credential, sessionsPath, verifyPath);
    if (auth) return auth;
    refused.push(credential);
  }
  throw new NoCredentialAcceptedError(
    transport.bmc,
    refused.map((credential) => credential.id),
  );
}

async function tryCredential(transport: LoginTransport, credential: Credential, sessionsPath: string, verifyPath: string): Promise<Auth | null> {
  // Retried on resets and timeouts like a GET: at worst the BMC keeps one extra session until its
  // idle timeout, where not retrying would fail a registration on one dropped packet.
  const response = await transport.send("POST", sessionsPath, {
    body: { UserName: credential.username, Password: credential.password },
    auth: null,
    idempotent: true,
  });
  if (response.status === 401 || response.status === 403) return null;
  if (response.status >= 200 && response.status < 300) {
    const token = header(response, "x-auth-token");
    const location = header(response, "location") ?? idOf(response.body);
    if (token && location) return { kind: "session", credential, token, sessionPath: pathOf(location) };
    if (token) return { kind: "basic", credential };
  }
  if (response.status >= 500 && response.messageId !== "SessionLimitExceeded" && response.status !== 501) {
    throw RedfishProtocolError.answered(transport.bmc, `login answered ${response.status}`, response);
  }
  // No usable session (none offered, limit reached, no token): HTTP Basic, if the BMC accepts it.
  const basic: Auth = { kind: "basic", credential };
  const check = await transport.send("GET", verifyPath, { auth: basic });
  if (check.status === 401 || check.status === 403) return null;
  if (check.status >= 200 && check.status < 300) return basic;
  throw RedfishProtocolError.answered(transport.bmc, `GET ${verifyPath} with Basic auth answered ${check.status}`, check);
}

/**
 * Deletes the session; a session already gone (401/404) counts as logged out. It runs even when
 * the job that used the session was cancelled, bounded by its own short timeout.
 */
export async function logOut(transport: LoginTransport, auth: Auth): Promise<void> {
  if (auth.kind !== "session") return;
  await transport.send("DELETE", auth.sessionPath, { auth, detached: true, timeoutMs: LOGOUT_TIMEOUT_MS });
}

const LOGOUT_TIMEOUT_MS = 5000;

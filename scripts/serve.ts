import http from "node:http";
import next from "next";
import { bootstrapDatabase } from "~/db/bootstrap";
import { onShutdownSignal } from "~/db/bootstrap/shutdown";
import { closeDb, createConnection } from "~/db/client";
import { acceptIncomingHeaders } from "~/server/api/context";
import { dataDir, rootSecret } from "~/server/config";
import { env } from "~/server/env";
import { sweepIncoming } from "~/server/services/firmware/storage";
import { ensureAdmin } from "~/server/services/users/ensure-admin";
import { startWorker } from "~/workers/runner";

/**
 * The whole product in one process: database (embedded unless DATABASE_URL), migrations, first admin,
 * the Next.js server (web + REST + tRPC) and, unless RACKPILOT_WORKER=external, the job worker.
 */
export async function serve({ dev }: { dev: boolean }): Promise<void> {
  const port = env("PORT");
  const hostname = process.env.HOST || "0.0.0.0";
  rootSecret();
  // next-auth v4 takes its origin from the request only with this set; acceptIncomingHeaders() drops
  // X-Forwarded-Host/-Proto unless a proxy is trusted, so the origin is the Host the client connected to.
  process.env.AUTH_TRUST_HOST ??= "true";

  await sweepIncoming();
  const database = await bootstrapDatabase({ dataDir: dataDir(), pgDir: env("RACKPILOT_PG_DIR"), verbose: env("RACKPILOT_PG_LOG"), log: console.log });
  process.env.DATABASE_URL = database.url;
  const admin = createConnection(database.url, 1);
  const bootstrap = await ensureAdmin(admin.db);
  await admin.sql.end();

  const app = next({ dev, hostname, port, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  // In production the REST API skips Next (see isRestRequest); in development Next serves it too, hot-reloaded.
  const rest = dev ? null : await import("~/server/api/rest/direct");
  const server = http.createServer((req, res) => {
    // The only trustworthy client address is the socket's (or a trusted proxy's): it keys the login throttle.
    acceptIncomingHeaders(req.headers, req.socket.remoteAddress);
    if (rest?.isRestRequest(req.url)) {
      rest.serveRestRequest(req, res).catch((error: { code?: string }) => {
        // A client that hangs up mid-response is no failure of ours.
        if (error.code !== "ERR_STREAM_PREMATURE_CLOSE") console.error(`REST response failed: ${req.method} ${req.url?.split("?")[0]}: ${String(error)}`);
        res.destroy();
      });
      return;
    }
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  const worker = env("RACKPILOT_WORKER") === "external" ? null : await startWorker(database.url);

  const shown = hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  console.log(`\nRackpilot is running at http://${shown}:${port}/  (API: http://${shown}:${port}/api/)`);
  console.log(`Database: ${database.embedded ? `embedded PostgreSQL in ${dataDir()}` : "DATABASE_URL"}; worker: ${worker ? "in-process" : "external"}`);
  if (bootstrap.created && bootstrap.generatedPassword) {
    console.log(`Created the admin user. Log in as "${bootstrap.username}" with password: ${bootstrap.generatedPassword}`);
    console.log("(shown once: set RACKPILOT_ADMIN_USER / RACKPILOT_ADMIN_PASSWORD to choose them on a fresh data dir)");
  } else if (bootstrap.created) {
    console.log(`Created the admin user "${bootstrap.username}" with the password from RACKPILOT_ADMIN_PASSWORD.`);
  }

  onShutdownSignal(async () => {
    server.closeAllConnections();
    server.close();
    await worker?.stop();
    await app.close?.();
    await closeDb();
    await database.stop();
  });
}
